package faults

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

type fakeClock struct{ now time.Duration }

func (c *fakeClock) Now() time.Duration     { return c.now }
func (c *fakeClock) RunFor(d time.Duration) { c.now += d }

func planString(s Schedule) string {
	var b strings.Builder
	for _, op := range s.Ops {
		fmt.Fprintln(&b, op)
	}
	return b.String()
}

func TestRandomScheduleEndsHealed(t *testing.T) {
	for seed := range uint64(30) {
		length, every := 60*time.Second, 5*time.Second
		s, err := RandomSchedule(seeded(seed), 5, Names(), length, every)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Ops) == 0 || len(s.Ops)%2 != 0 {
			t.Fatalf("%d ops", len(s.Ops))
		}
		for i, op := range s.Ops {
			if i > 0 && op.At < s.Ops[i-1].At {
				t.Fatalf("ops out of order at %d:\n%s", i, planString(s))
			}
			if op.At > length || op.At < every {
				t.Fatalf("op %v outside [%v, %v]", op, every, length)
			}
		}
		tg, clock := newFake(5, 1), &fakeClock{}
		var ops []string
		err = s.Run(tg, clock, func(op Op, err error) { ops = append(ops, fmt.Sprint(op, err)) })
		if err != nil {
			t.Errorf("seed %d: %v", seed, err)
		}
		if bad := tg.healed(); bad != "" {
			t.Errorf("seed %d: run ended with %s\n%s", seed, bad, strings.Join(ops, "\n"))
		}
		if clock.now > length {
			t.Errorf("clock ran to %v", clock.now)
		}
	}
}

func TestRandomScheduleHoldAndSpacing(t *testing.T) {
	every := 4 * time.Second
	s, err := RandomSchedule(seeded(2), 5, []string{"crash"}, time.Hour, every)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(s.Ops); i += 2 {
		in, out := s.Ops[i], s.Ops[i+1]
		if in.Heal || !out.Heal || in.Fault != out.Fault {
			t.Fatalf("ops %d,%d are not an inject/heal pair", i, i+1)
		}
		if hold := out.At - in.At; hold < every/2 || hold >= every {
			t.Errorf("hold %v outside [%v, %v)", hold, every/2, every)
		}
		if i > 0 {
			if gap := in.At - s.Ops[i-2].At; gap < every || gap >= every+every/4 {
				t.Errorf("gap %v outside [%v, %v)", gap, every, every+every/4)
			}
		}
	}
}

func TestRandomScheduleDeterministic(t *testing.T) {
	plan := func(seed uint64) string {
		s, err := RandomSchedule(seeded(seed), 7, Names(), time.Minute, 3*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		// Run it too: the faults' own choices come from the target's rand.
		tg := newFake(7, 2)
		var b strings.Builder
		_ = s.Run(tg, &fakeClock{}, func(op Op, err error) { fmt.Fprintln(&b, op, err) })
		return b.String() + strings.Join(tg.calls, "\n")
	}
	a, b, c := plan(11), plan(11), plan(12)
	if a != b {
		t.Errorf("same seed, different runs:\n%s\n---\n%s", a, b)
	}
	if a == c {
		t.Error("different seeds gave the same run")
	}
}

func TestRandomScheduleErrors(t *testing.T) {
	r := seeded(1)
	cases := []struct {
		names         []string
		n             int
		length, every time.Duration
		want          string
	}{
		{nil, 5, time.Minute, time.Second, "at least one fault name"},
		{[]string{"crash", "partishun"}, 5, time.Minute, time.Second, `unknown fault "partishun"`},
		{[]string{"crash"}, 5, 0, time.Second, "length 0s must be positive"},
		{[]string{"crash"}, 5, time.Minute, -time.Second, "interval -1s must be positive"},
		{[]string{"crash"}, 0, time.Minute, time.Second, "0 nodes"},
	}
	for _, c := range cases {
		_, err := RandomSchedule(r, c.n, c.names, c.length, c.every)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "faults: ") {
			t.Errorf("err = %v, want %q", err, c.want)
		}
	}
	if _, err := RandomSchedule(nil, 5, []string{"crash"}, time.Minute, time.Second); err == nil {
		t.Error("nil rand accepted")
	}
}

func TestRunHealsLeftoversInReverse(t *testing.T) {
	a, b := must(NewCrash(1)), must(NewPause(2))
	c := must(NewIsolate(0))
	s := Schedule{Ops: []Op{
		{At: time.Second, Fault: a},
		{At: 2 * time.Second, Fault: c},
		{At: 2 * time.Second, Fault: b},
		{At: 3 * time.Second, Fault: c, Heal: true},
	}}
	tg, clock := newFake(5, 0), &fakeClock{}
	var seen []string
	if err := s.Run(tg, clock, func(op Op, _ error) { seen = append(seen, fmt.Sprint(op)) }); err != nil {
		t.Fatal(err)
	}
	want := []string{"1s inject crash n1", "2s inject isolate n0", "2s inject pause n2",
		"3s heal isolate n0", "3s heal pause n2", "3s heal crash n1"}
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Errorf("ops\n%q\nwant\n%q", seen, want)
	}
	if bad := tg.healed(); bad != "" {
		t.Errorf("left %s", bad)
	}
}

func TestRunReportsErrorsAndContinues(t *testing.T) {
	a, b := must(NewCrash(1)), must(NewCrash(1)) // the second cannot crash a crashed node
	s := Schedule{Ops: []Op{{At: 0, Fault: a}, {At: 1, Fault: b}, {At: 2, Fault: a, Heal: true}}}
	tg := newFake(3, 0)
	var failed int
	err := s.Run(tg, &fakeClock{}, func(_ Op, err error) {
		if err != nil {
			failed++
		}
	})
	if err == nil || failed != 1 {
		t.Errorf("err %v, %d failed ops; want one failure", err, failed)
	}
	if bad := tg.healed(); bad != "" {
		t.Errorf("left %s", bad)
	}
	if err := (Schedule{Ops: []Op{{}}}).Run(tg, &fakeClock{}, nil); err == nil {
		t.Error("an op without a fault ran")
	}
}

func TestMerge(t *testing.T) {
	x, y := must(NewCrash(0)), must(NewPause(1))
	a := Schedule{Ops: []Op{{At: 1, Fault: x}, {At: 3, Fault: x, Heal: true}}}
	b := Schedule{Ops: []Op{{At: 1, Fault: y}, {At: 2, Fault: y, Heal: true}}}
	m := Merge(a, b)
	var got []string
	for _, op := range m.Ops {
		got = append(got, fmt.Sprint(op))
	}
	want := "[1ns inject crash n0 1ns inject pause n1 2ns heal pause n1 3ns heal crash n0]"
	if fmt.Sprint(got) != want {
		t.Errorf("Merge = %v", got)
	}
	if a.Ops[1].At != 3 || len(a.Ops) != 2 {
		t.Error("Merge modified its input")
	}
}

func TestSameFaultToleratesUncomparable(t *testing.T) {
	type weird struct {
		Fault
		s []int
	}
	if sameFault(weird{s: []int{1}}, weird{s: []int{1}}) {
		t.Error("uncomparable faults compared equal")
	}
	if sameFault(nil, must(NewCrash(0))) {
		t.Error("nil fault")
	}
}

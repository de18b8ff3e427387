package faults

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/impl"
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// Every fault: Inject changes the target as described, a second Inject is
// refused, Heal restores it exactly, and a second Heal does nothing.
func TestFaultsInjectAndHeal(t *testing.T) {
	cases := []struct {
		f      Fault
		calls  []string // calls Inject must make, in order (prefix match)
		before string   // String before Inject
		after  string   // String after Inject (prefix)
	}{
		{must(NewIsolate(2)), []string{"SetGrudge {0<-[2] 1<-[2] 2<-[0 1 3 4] 3<-[2] 4<-[2]}"}, "isolate n2", "isolate n2"},
		{NewIsolateLeader(), []string{"SetGrudge {0<-[3] 1<-[3] 2<-[3] 3<-[0 1 2 4] 4<-[3]}"}, "isolate-leader", "isolate-leader n3"},
		{NewHalves(), []string{"SetGrudge "}, "halves", "halves ["},
		{NewLeaderMinority(), []string{"SetGrudge "}, "leader-minority", "leader-minority n3 ["},
		{NewMajoritiesRing(), []string{"SetGrudge "}, "majorities-ring", "majorities-ring ring=["},
		{NewBridge(), []string{"SetGrudge "}, "bridge", "bridge ["},
		{must(NewOneWay([]int{0}, []int{1, 2})), []string{"SetGrudge {1<-[0] 2<-[0]}"}, "one-way [0] -x-> [1 2]", "one-way"},
		{NewRandomPartition(), []string{"SetGrudge "}, "random-partition", "random-partition ["},
		{must(NewDrop(AnyNode, 1, 0.25, impl.KindHeartbeat)), []string{"SetRule *->n1 drop=0.25 kinds=[heartbeat]"}, "drop 25% *->n1 [heartbeat]", "drop"},
		{must(NewDelay(0, AnyNode, Delay{Base: time.Millisecond})), []string{"SetRule n0->* delay=1ms"}, "delay 1ms n0->*", "delay"},
		{must(NewDuplicate(AnyNode, AnyNode, 0.5)), []string{"SetRule *->* dup=0.5"}, "duplicate 50% *->*", "duplicate"},
		{must(NewReorder(AnyNode, AnyNode, 100*time.Millisecond)), []string{"SetRule *->* delay=0s+uniform(100ms)"}, "reorder spread=100ms *->*", "reorder"},
		{must(NewCrash(4)), []string{"Crash 4"}, "crash n4", "crash n4"},
		{NewCrashLeader(), []string{"Crash 3"}, "crash-leader", "crash-leader n3"},
		{must(NewPause(1)), []string{"Pause 1"}, "pause n1", "pause n1"},
		{NewPauseLeader(), []string{"Pause 3"}, "pause-leader", "pause-leader n3"},
		{must(NewSkew(0, 1.5)), []string{"Skew 0 1.5"}, "skew n0 x1.5", "skew n0 x1.5"},
	}
	for _, c := range cases {
		t.Run(c.before, func(t *testing.T) {
			tg := newFake(5, 3)
			if got := c.f.String(); got != c.before {
				t.Errorf("String before Inject = %q, want %q", got, c.before)
			}
			if err := c.f.Heal(tg); err != nil || len(tg.calls) != 0 {
				t.Fatalf("Heal before Inject: err %v, calls %v", err, tg.calls)
			}
			if err := c.f.Inject(tg); err != nil {
				t.Fatalf("Inject: %v", err)
			}
			for i, want := range c.calls {
				if i >= len(tg.calls) || !strings.HasPrefix(tg.calls[i], want) {
					t.Errorf("calls %q, want %q", tg.calls, c.calls)
				}
			}
			if tg.healed() == "" {
				t.Error("Inject changed nothing")
			}
			if got := c.f.String(); !strings.HasPrefix(got, c.after) {
				t.Errorf("String after Inject = %q, want prefix %q", got, c.after)
			}
			if err := c.f.Inject(tg); !errors.Is(err, ErrInjected) {
				t.Errorf("second Inject: err %v, want ErrInjected", err)
			}
			if err := c.f.Heal(tg); err != nil {
				t.Fatalf("Heal: %v", err)
			}
			if bad := tg.healed(); bad != "" {
				t.Errorf("after Heal still %s; calls %q", bad, tg.calls)
			}
			n := len(tg.calls)
			if err := c.f.Heal(tg); err != nil || len(tg.calls) != n {
				t.Errorf("second Heal: err %v, new calls %q", err, tg.calls[n:])
			}
			if err := c.f.Inject(tg); err != nil { // a healed fault can strike again
				t.Errorf("Inject after Heal: %v", err)
			}
		})
	}
}

func TestLeaderFaultsWithoutLeaderPickRandomNode(t *testing.T) {
	for _, f := range []Fault{NewIsolateLeader(), NewCrashLeader(), NewPauseLeader(), NewLeaderMinority()} {
		tg := newFake(5, -1)
		if err := f.Inject(tg); err != nil {
			t.Fatalf("%v: %v", f, err)
		}
		if !strings.Contains(f.String(), "(no leader: random)") {
			t.Errorf("String %q does not say the victim was random", f)
		}
	}
}

func TestFaultsComposeUnderDistinctKeys(t *testing.T) {
	tg := newFake(5, 0)
	a, b := must(NewIsolate(1)), must(NewIsolate(2))
	d1, d2 := must(NewDrop(AnyNode, AnyNode, 0.1)), must(NewDrop(AnyNode, AnyNode, 0.2))
	for _, f := range []Fault{a, b, d1, d2} {
		if err := f.Inject(tg); err != nil {
			t.Fatal(err)
		}
	}
	if len(tg.grudges) != 2 || len(tg.rules) != 2 {
		t.Fatalf("faults overwrote each other: %d grudges, %d rules", len(tg.grudges), len(tg.rules))
	}
	if !tg.grudgeUnion().Cuts(1, 2) {
		t.Error("union of isolate 1 and isolate 2 should cut 1->2")
	}
	if err := a.Heal(tg); err != nil {
		t.Fatal(err)
	}
	if u := tg.grudgeUnion(); u.Cuts(1, 0) || !u.Cuts(2, 0) {
		t.Errorf("healing isolate n1 touched isolate n2: %v", u)
	}
}

func TestFaultInjectErrors(t *testing.T) {
	tg := newFake(3, 0)
	for _, f := range []Fault{
		&IsolateFault{Node: 7},
		&CrashFault{Node: 3},
		&PauseFault{Node: -1},
		&DropFault{Links: Links{From: 9, To: AnyNode}, P: 0.5},
		&SkewFault{Node: 5, Rate: 2},
	} {
		if err := f.Inject(tg); err == nil {
			t.Errorf("%v: Inject on 3 nodes succeeded", f)
		}
		if err := f.Heal(tg); err != nil {
			t.Errorf("%v: Heal after failed Inject: %v", f, err)
		}
	}
	if bad := tg.healed(); bad != "" {
		t.Errorf("failed injects left %s", bad)
	}
}

func TestConstructorsValidate(t *testing.T) {
	errs := []error{
		second(NewIsolate(-1)),
		second(NewCrash(-2)),
		second(NewPause(-1)),
		second(NewSkew(0, 0)),
		second(NewSkew(0, -1)),
		second(NewOneWay(nil, []int{1})),
		second(NewOneWay([]int{-3}, []int{1})),
		second(NewDrop(AnyNode, AnyNode, 1.5)),
		second(NewDrop(-4, AnyNode, 0.5)),
		second(NewDuplicate(AnyNode, AnyNode, -0.5)),
		second(NewDelay(AnyNode, AnyNode, Delay{Base: -1})),
		second(NewReorder(AnyNode, AnyNode, 0)),
	}
	for i, err := range errs {
		if err == nil || !strings.HasPrefix(err.Error(), "faults: ") {
			t.Errorf("case %d: err = %v, want a faults: error", i, err)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func TestSkewGeneratorRates(t *testing.T) {
	g := must(Lookup("skew"))
	seen := map[float64]bool{}
	for seed := range uint64(100) {
		seen[g(seeded(seed), 5).(*SkewFault).Rate] = true
	}
	for _, r := range []float64{0.5, 0.75, 1.25} {
		if !seen[r] {
			t.Errorf("rate %g never chosen: %v", r, seen)
		}
	}
	if len(seen) != 3 {
		t.Errorf("rates %v", seen)
	}
}

func TestHalfOpenNeedsAHalfOpenerAndSaysWhatItKilled(t *testing.T) {
	f, err := NewHalfOpen(2)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Inject(plainTarget{newFake(3, 0)}); !errors.Is(err, ErrUnsupported) {
		t.Fatalf("Inject on a network without connections: %v; want ErrUnsupported", err)
	}
	tg := newFake(3, 0)
	if err := f.Inject(tg); err != nil {
		t.Fatal(err)
	}
	if got, want := f.String(), "half-open n2 (2 live connections killed; new ones work)"; got != want {
		t.Errorf("String after Inject = %q; want %q", got, want)
	}
	if err := f.Inject(tg); !errors.Is(err, ErrInjected) {
		t.Errorf("second Inject: %v; want ErrInjected", err)
	}
	if err := f.Heal(tg); err != nil || tg.healed() != "" {
		t.Fatalf("Heal: %v; left %s", err, tg.healed())
	}
	if _, err := NewHalfOpen(-1); err == nil {
		t.Error("NewHalfOpen(-1) accepted a negative node")
	}
}

// plainTarget hides the fake's HalfOpen, as a message network has none.
type plainTarget struct{ Target }

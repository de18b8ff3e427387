package faults

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/impl"
)

func TestLinkRuleValidate(t *testing.T) {
	ms := time.Millisecond
	cases := []struct {
		name string
		rule LinkRule
		want string // substring of the error; "" for valid
	}{
		{"any links", LinkRule{From: AnyNode, To: AnyNode, Drop: 0.5}, ""},
		{"edges of [0,1]", LinkRule{From: 0, To: 4, Drop: 1, Duplicate: 0}, ""},
		{"drop negative", LinkRule{From: AnyNode, To: AnyNode, Drop: -0.1}, "faults: drop probability -0.1 is outside [0, 1]"},
		{"drop above one", LinkRule{From: AnyNode, To: AnyNode, Drop: 1.5}, "drop probability 1.5 is outside [0, 1]"},
		{"drop NaN", LinkRule{From: AnyNode, To: AnyNode, Drop: math.NaN()}, "drop probability NaN"},
		{"duplicate negative", LinkRule{From: AnyNode, To: AnyNode, Duplicate: -1}, "duplicate probability -1 is outside"},
		{"duplicate inf", LinkRule{From: AnyNode, To: AnyNode, Duplicate: math.Inf(1)}, "duplicate probability +Inf"},
		{"from out of range", LinkRule{From: 5, To: AnyNode}, "rule from node 5 is outside [0, 5)"},
		{"to negative", LinkRule{From: AnyNode, To: -2}, "rule to node -2 is outside [0, 5)"},
		{"unknown kind", LinkRule{From: AnyNode, To: AnyNode, Kinds: []impl.Kind{99}}, "kind kind(99) is unknown"},
		{"negative base", LinkRule{From: AnyNode, To: AnyNode, Delay: Delay{Base: -ms}}, "delay base -1ms is negative"},
		{"negative spread", LinkRule{From: AnyNode, To: AnyNode, Delay: Delay{Dist: Uniform, Spread: -ms}}, "delay spread -1ms is negative"},
		{"negative jitter", LinkRule{From: AnyNode, To: AnyNode, Delay: Delay{Jitter: -ms}}, "delay jitter -1ms is negative"},
		{"spread without dist", LinkRule{From: AnyNode, To: AnyNode, Delay: Delay{Spread: ms}}, "needs a uniform or exponential"},
		{"unknown dist", LinkRule{From: AnyNode, To: AnyNode, Delay: Delay{Dist: 7}}, "distribution dist(7) is unknown"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.rule.Validate(5)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("error %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestLinkRuleMatches(t *testing.T) {
	hb := impl.Message{From: 1, To: 2, Kind: impl.KindHeartbeat}
	vote := impl.Message{From: 1, To: 2, Kind: impl.KindVoteRequest}
	cases := []struct {
		rule LinkRule
		m    impl.Message
		want bool
	}{
		{LinkRule{From: AnyNode, To: AnyNode}, hb, true},
		{LinkRule{From: 1, To: AnyNode}, hb, true},
		{LinkRule{From: 2, To: AnyNode}, hb, false},
		{LinkRule{From: AnyNode, To: 2}, hb, true},
		{LinkRule{From: AnyNode, To: 1}, hb, false},
		{LinkRule{From: AnyNode, To: AnyNode, Kinds: []impl.Kind{impl.KindHeartbeat}}, hb, true},
		{LinkRule{From: AnyNode, To: AnyNode, Kinds: []impl.Kind{impl.KindHeartbeat}}, vote, false},
	}
	for i, c := range cases {
		if got := c.rule.Matches(c.m); got != c.want {
			t.Errorf("case %d: %v matches %v = %t", i, c.rule, c.m, got)
		}
	}
}

func TestDelaySampleBounds(t *testing.T) {
	ms := time.Millisecond
	r := seeded(3)
	cases := []struct {
		d      Delay
		lo, hi time.Duration // inclusive lo, exclusive hi (0: unbounded)
	}{
		{Delay{Base: 5 * ms}, 5 * ms, 5*ms + 1},
		{Delay{Dist: Uniform, Base: 2 * ms, Spread: 10 * ms}, 2 * ms, 12 * ms},
		{Delay{Dist: Uniform, Base: 2 * ms, Spread: 10 * ms, Jitter: 3 * ms}, 2 * ms, 15 * ms},
		{Delay{Base: ms, Jitter: ms}, ms, 2 * ms},
		{Delay{Dist: Exponential, Base: ms, Spread: 10 * ms}, ms, 0},
	}
	for _, c := range cases {
		var sum time.Duration
		const samples = 20000
		for range samples {
			v := c.d.Sample(r)
			if v < c.lo || (c.hi > 0 && v >= c.hi) {
				t.Fatalf("%v: sample %v outside [%v, %v)", c.d, v, c.lo, c.hi)
			}
			sum += v
		}
		if c.d.Dist == Exponential {
			mean := sum / samples
			if mean < 10*ms || mean > 12*ms { // base 1ms + mean 10ms
				t.Errorf("exponential mean %v, want about 11ms", mean)
			}
		}
	}
}

func TestZeroDelayDrawsNothing(t *testing.T) {
	a, b := seeded(5), seeded(5)
	Delay{}.Sample(a)
	Delay{Base: time.Second}.Sample(a)
	if a.Uint64() != b.Uint64() {
		t.Error("a constant delay consumed randomness")
	}
}

package harness

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/faults"
)

// Nemesis describes a random-nemesis run: a leader is awaited, then a
// seeded schedule of faults plays for Length, then the healed cluster gets
// Settle to recover, and the whole history goes to the checkers.
type Nemesis struct {
	// Length is how long faults are injected and healed; default 60 s.
	Length time.Duration
	// Every is the mean time between operations of the schedule; default 4 s.
	Every time.Duration
	// Settle is how long the healed cluster runs at the end; default 10 s,
	// room for a 5 s election and a steady stretch after it.
	Settle time.Duration
	// Faults names the faults to draw from; nil means every registered
	// fault that applies to the target (Target.Faults).
	Faults []string
}

// Nemesis defaults, in one place.
const (
	DefaultNemesisLength = 60 * time.Second
	DefaultNemesisEvery  = 4 * time.Second
	DefaultNemesisSettle = 10 * time.Second
)

func (n Nemesis) withDefaults(t Target) Nemesis {
	if n.Length == 0 {
		n.Length = DefaultNemesisLength
	}
	if n.Every == 0 {
		n.Every = DefaultNemesisEvery
	}
	if n.Settle == 0 {
		n.Settle = DefaultNemesisSettle
	}
	if n.Faults == nil {
		n.Faults = t.Faults()
	}
	return n
}

// Verdict is what one run recorded and what the checkers made of it.
type Verdict struct {
	History checker.History
	Results []checker.Result
	// Err is a failure of the run itself: a cluster or a schedule that
	// could not be built. A panic of the implementation is a finding
	// (checker.NoPanic), not an error.
	Err error
}

// Failed reports whether the run found anything.
func (v Verdict) Failed() bool { return v.Err != nil || checker.Failed(v.Results) }

// RunNemesis runs target under a random nemesis drawn from cfg.Seed. It
// runs in the caller's time: a goroutine target belongs in RunInBubble.
func RunNemesis(target Target, cfg Config, n Nemesis) Verdict {
	c, err := New(target, cfg)
	if err != nil {
		return Verdict{Err: err}
	}
	n = n.withDefaults(target)
	schedule, err := faults.RandomSchedule(faults.ScenarioRand(cfg.Seed), cfg.Nodes, n.Faults, n.Length, n.Every)
	if err != nil {
		c.Close()
		return Verdict{Err: fmt.Errorf("harness: nemesis: %w", err)}
	}
	c.RunUntil(c.cfg.ElectionBy, func() bool { _, _, ok := c.Leader(); return ok })
	err = c.RunSchedule(schedule)
	c.RunFor(n.Settle)
	c.Close()
	return Verdict{History: c.History(), Results: c.Check(), Err: err}
}

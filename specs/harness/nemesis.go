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
	// Episodes, when set, keeps only these episodes of the drawn schedule,
	// each perhaps held for a different time: how a shrunk schedule is
	// replayed. Nil keeps the whole schedule.
	Episodes []Episode
}

// Episode picks one fault of a drawn schedule, numbered from 0 in the
// order the schedule injects them. Hold, when positive, heals it that long
// after its injection instead of when the schedule drew.
type Episode struct {
	Index int
	Hold  time.Duration
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
	// Stopped says why a watchdog stopped the run before it ended (see
	// RunNemesisWatched); History is what it had recorded by then.
	Stopped error
}

// Failed reports whether the run found anything.
func (v Verdict) Failed() bool {
	return v.Err != nil || v.Stopped != nil || checker.Failed(v.Results)
}

// RunNemesis runs target under a random nemesis drawn from cfg.Seed. It
// runs in the caller's time: a goroutine target belongs in RunInBubble, or
// in RunNemesisWatched.
func RunNemesis(target Target, cfg Config, n Nemesis) Verdict {
	return runNemesis(target, cfg, n, nil)
}

// runNemesis is RunNemesis; live, if not nil, is given the cluster as soon
// as it exists, so that a watchdog can judge what it recorded.
func runNemesis(target Target, cfg Config, n Nemesis, live func(*Cluster)) Verdict {
	n = n.withDefaults(target)
	schedule, err := n.Schedule(cfg.Nodes, cfg.Seed)
	if err != nil {
		return Verdict{Err: err}
	}
	c, err := New(target, cfg)
	if err != nil {
		return Verdict{Err: err}
	}
	if live != nil {
		live(c)
	}
	c.RunUntil(c.cfg.ElectionBy, func() bool { _, _, ok := c.Leader(); return ok })
	err = c.RunSchedule(schedule)
	c.RunFor(n.Settle)
	c.Close()
	return Verdict{History: c.History(), Results: c.Check(), Err: err}
}

// Schedule is the nemesis's schedule for a cluster of nodes run from seed,
// as RunNemesis plays it (after withDefaults): drawn from the seed's
// scenario stream, then cut down to Episodes if they are set.
func (n Nemesis) Schedule(nodes int, seed uint64) (faults.Schedule, error) {
	s, err := faults.RandomSchedule(faults.ScenarioRand(seed), nodes, n.Faults, n.Length, n.Every)
	if err != nil {
		return s, fmt.Errorf("harness: nemesis: %w", err)
	}
	if n.Episodes == nil {
		return s, nil
	}
	return keepEpisodes(s, n.Episodes)
}

// keepEpisodes keeps the chosen inject-and-heal pairs of a drawn schedule.
func keepEpisodes(s faults.Schedule, keep []Episode) (faults.Schedule, error) {
	pairs := len(s.Ops) / 2
	var out faults.Schedule
	for _, e := range keep {
		if e.Index < 0 || e.Index >= pairs {
			return out, fmt.Errorf("harness: nemesis: episode %d does not exist: the schedule has episodes 0 to %d", e.Index, pairs-1)
		}
		inject, heal := s.Ops[2*e.Index], s.Ops[2*e.Index+1]
		if e.Hold > 0 {
			heal.At = inject.At + e.Hold
		}
		out.Ops = append(out.Ops, inject, heal)
	}
	return faults.Merge(out, faults.Schedule{}), nil
}

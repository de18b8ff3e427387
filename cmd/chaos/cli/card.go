package cli

import (
	"sync"
	"time"

	"github.com/ballot-go/ballot/specs/harness"
)

// cardRow is one implementation's measurements: one per repetition, one
// in all for an implementation whose runs replay exactly.
type cardRow struct {
	impl      implementation
	reps      []measures
	exact     bool
	incidents *incidentTally // nil when no report named it
}

// measureImpl measures impl once if its runs replay exactly, else
// f.repeat times, so that the card can show the spread.
func (e *env) measureImpl(impl implementation, f compareFlags) cardRow {
	row := cardRow{impl: impl, exact: impl.target.Deterministic()}
	reps := f.repeat
	if row.exact {
		reps = 1
	}
	for range reps {
		if e.ctx.Err() != nil {
			break
		}
		row.reps = append(row.reps, e.measureOnce(impl.target, f))
	}
	return row
}

// measureOnce runs seeds 1 to f.seeds under the whole nemesis that applies,
// then one run of f.quiet with no faults.
func (e *env) measureOnce(t harness.Target, f compareFlags) measures {
	m := measures{Findings: map[string]int{}}
	var mu sync.Mutex
	e.parallel(f.seeds, f.workers, func(i int) {
		seed := uint64(i + 1)
		v := harness.RunNemesisWatched(e.t, t, harness.Config{Nodes: f.nodes, Seed: seed}, harness.Nemesis{}, harness.Watch{Cancel: e.ctx.Done()})
		mu.Lock()
		defer mu.Unlock()
		m.addNemesis(v)
	})
	if e.ctx.Err() == nil {
		m.addQuiet(e.quietRun(t, f))
	}
	return m
}

// quietRun runs t with no faults for f.quiet. Its wall-time limit grows
// with it: a long quiet run of goroutine nodes is slow, not stuck (a
// frozen clock is caught by the watchdog anyway).
func (e *env) quietRun(t harness.Target, f compareFlags) harness.Verdict {
	quiet := harness.Nemesis{Episodes: []harness.Episode{}, Settle: f.quiet}
	w := harness.Watch{Cancel: e.ctx.Done(), Limit: max(2*time.Minute, f.quiet)}
	return harness.RunNemesisWatched(e.t, t, harness.Config{Nodes: f.nodes, Seed: 1}, quiet, w)
}

// recoveries pools a row's re-election times over its repetitions.
func (r cardRow) recoveries() []time.Duration {
	var all []time.Duration
	for _, m := range r.reps {
		all = append(all, m.Recoveries...)
	}
	return all
}

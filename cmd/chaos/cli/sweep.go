package cli

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/ballot-go/ballot/checker/report"
	"github.com/ballot-go/ballot/specs/harness"
)

// maxSaved bounds the failing runs whose evidence a sweep saves: a broken
// implementation fails most seeds, and each history can be megabytes.
const maxSaved = 20

// sweep runs the plan's seeds, workers at a time, and returns their
// outcomes in seed order. Seeds not started when ctx ends are left out.
func (e *env) sweep(p plan, run *report.Run, progress func()) []outcome {
	seeds := p.seeds()
	outcomes := make([]*outcome, len(seeds))
	var saved atomic.Int32
	e.parallel(len(seeds), p.workers, func(i int) {
		o := e.runSeed(p, seeds[i], run, &saved)
		outcomes[i] = &o
		progress()
	})
	var out []outcome
	for _, o := range outcomes {
		if o != nil {
			out = append(out, *o)
		}
	}
	return out
}

// parallel calls do for the indices 0 to n-1, workers at a time (0: one
// per core), until ctx ends: indices not started by then are left out.
func (e *env) parallel(n, workers int, do func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				do(i)
			}
		})
	}
	feed(e, next, n)
	wg.Wait()
}

// feed hands out indices 0 to n-1 until ctx ends.
func feed(e *env, next chan<- int, n int) {
	defer close(next)
	for i := range n {
		select {
		case next <- i:
		case <-e.ctx.Done():
			return
		}
	}
}

// runSeed runs one seed under the watchdog and saves its evidence if it
// failed and fewer than maxSaved have been saved.
func (e *env) runSeed(p plan, seed uint64, run *report.Run, saved *atomic.Int32) outcome {
	p.Seed = seed
	o, f := e.probe(p)
	if run == nil {
		return o // a replay's later tries: the first one's evidence serves
	}
	if o.failed() && saved.Add(1) <= maxSaved {
		dir, err := run.SaveFailure(f)
		if err != nil {
			e.printf(e.stderr, "chaos: saving the evidence of seed %d: %v\n", seed, err)
		}
		o.Saved = relative(run.Dir, dir)
	}
	if !o.failed() && p.Seeds == 1 {
		// One clean run, or one cut short by Ctrl-C: its history and
		// timeline are worth a look too.
		if err := report.SaveEvidence(run.Dir, f.History, f.Results, report.TimelineOptions{Title: f.Name, Seed: seed, Replay: o.Replay}); err != nil {
			e.printf(e.stderr, "chaos: saving the history of seed %d: %v\n", seed, err)
		}
		o.Saved = "."
	}
	return o
}

// probe runs the plan's seed under the watchdog, saving nothing.
func (e *env) probe(p plan) (outcome, report.Failure) {
	cfg := harness.Config{Nodes: p.Nodes, Seed: p.Seed}
	v := harness.RunNemesisWatched(e.t, p.impl.target, cfg, p.nemesis(), harness.Watch{Cancel: e.ctx.Done()})
	f := p.failure(p.Seed, v)
	return newOutcome(f, v), f
}

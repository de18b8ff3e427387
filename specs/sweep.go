package specs

import (
	"fmt"

	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
)

// Sweep registers count random-nemesis runs of target on the given number
// of nodes, with the fixed seeds 1 to count: each is exactly the run
// harness.RunNemesis makes from its seed (60 virtual seconds of faults drawn
// from every fault that applies, then 10 s to settle), so a finding here
// reproduces outside Ginkgo too. Call it at package level, like
// Conformance; it returns true so that it can stand in a var declaration.
//
//	var _ = specs.Sweep(target, 5, 200)
func Sweep(target harness.Target, nodes, count int) bool {
	return describeAt(target.Name, func() {
		Describe("nemesis sweep", Label("sweep", "nemesis", "safety", "liveness", "stability", "leaks"), func() {
			for seed := uint64(1); seed <= uint64(count); seed++ {
				spec(fmt.Sprintf("seed %d on %d nodes", seed, nodes), nemesisRun(target, nodes, seed, harness.Nemesis{}))
			}
		})
	})
}

// nemesisRun is the body of a spec that makes exactly the run
// harness.RunNemesis makes of seed and n, and fails on any finding: the
// runs of Sweep and Regression.
func nemesisRun(target harness.Target, nodes int, seed uint64, n harness.Nemesis) func(SpecContext) {
	return func(ctx SpecContext) {
		if target.Realtime {
			Skip("real-time targets run only the specs labelled " + realtimeLabel + ": a nemesis run is minutes of wall time")
		}
		epoch := specEpoch.Add(1)
		body := func() {
			cfg := harness.Config{Nodes: nodes, Seed: seed, Logger: logger()}
			v := harness.RunNemesis(target, cfg, n)
			judgeIn(epoch, outcome{seed: seed, history: v.History, results: v.Results, step: v.Err, runErr: v.Err != nil, deviations: target.Deviations})
		}
		if err := contain(ctx, target, body); err != nil {
			judge(outcome{seed: seed, watchdog: err})
		}
	}
}

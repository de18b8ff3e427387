package specs

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
)

// Nemesis sweep parameters: each run is a minute of random faults.
const (
	nemesisRuns   = 12
	nemesisLength = 60 * time.Second
	nemesisEvery  = 4 * time.Second
)

// nemesis runs seeded random fault schedules drawn from every registered
// fault, then heals and expects the cluster to settle. Each spec has its own
// seed, printed on failure, so a failing schedule replays exactly.
func nemesis(target harness.Target) {
	Describe("random nemesis", Label("nemesis", "safety", "liveness", "stability", "leaks"), func() {
		for i := range nemesisRuns {
			n := []int{3, 5, 7}[i%3]
			spec(fmt.Sprintf("run %d on %d nodes", i, n), scenario(target, n, func(r *run) {
				r.leader()
				schedule, err := faults.RandomSchedule(r.rand, n, target.Faults(), nemesisLength, nemesisEvery)
				r.must(err)
				r.must(r.RunSchedule(schedule))
				r.settled()
			}))
		}
	})
}

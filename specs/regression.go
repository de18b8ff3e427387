package specs

import (
	"fmt"

	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
)

// Regression registers one random-nemesis run of target: the run
// harness.RunNemesis makes from seed on the given number of nodes under n,
// usually a schedule that chaos shrink cut down to the few episodes a bug
// needs. It fails on any finding, so the bug stays fixed. chaos shrink
// prints the call to paste; like Conformance, call it at package level, and
// it returns true so that it can stand in a var declaration:
//
//	var _ = specs.Regression(target, 5, 42, harness.Nemesis{Episodes: []harness.Episode{{Index: 3}, {Index: 7, Hold: 1500 * time.Millisecond}}})
func Regression(target harness.Target, nodes int, seed uint64, n harness.Nemesis) bool {
	return describeAt(target.Name, func() {
		spec(fmt.Sprintf("regression seed %d on %d nodes", seed, nodes), Label("regression", "nemesis", "safety", "liveness", "stability", "leaks"), nemesisRun(target, nodes, seed, n))
	})
}

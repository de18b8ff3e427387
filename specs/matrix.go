package specs

import (
	"fmt"
	"strings"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// faultHold is how long each fault of the matrix stays in place: long
// enough for several election timeouts and a 5 s re-election deadline.
const faultHold = 8 * time.Second

// settle is how long a healed cluster gets to recover, and then how long
// it must stay quiet.
const settle = 3 * time.Second

// settled expects a healed cluster to converge on one leader, to still
// have one after settling (a node starved of heartbeats during the fault
// may legitimately call one election as it heals), and then to keep its
// term: churn once settled is a failure.
func (r *run) settled() {
	GinkgoHelper()
	r.converged()
	r.RunFor(settle)
	_, term := r.converged()
	r.RunFor(settle)
	r.Expect(r.terms()).To(Equal(term), "the term changed after the cluster had settled")
}

// matrix injects every registered fault into clusters of 3, 5 and 7 nodes
// once a leader is established, heals it, and expects the cluster to settle.
// The checkers decide the rest: safety throughout, re-election whenever the
// fault cost the leader while a majority could still communicate, and no
// term churn once healed.
func matrix(target harness.Target) {
	Describe("fault matrix", Label("matrix"), func() {
		for _, name := range faults.Names() {
			applies, why := target.FaultApplies(name)
			for _, n := range []int{3, 5, 7} {
				body := scenario(target, n, func(r *run) {
					r.leader()
					generate, err := faults.Lookup(name)
					r.must(err)
					f := generate(r.rand, n)
					r.must(r.Inject(f))
					r.RunFor(faultHold)
					r.must(r.HealFault(f))
					r.settled()
				})
				if !applies {
					body = func(SpecContext) { Skip(why) }
				}
				spec(fmt.Sprintf("%s on %d nodes", name, n), Label(faultLabels(name)...), body)
			}
		}
	})
}

// faultLabels labels a matrix spec with its fault and what it exercises:
// every fault tests safety, liveness and stability; a crash also stops
// goroutine nodes, so their leaks are checked.
func faultLabels(name string) []string {
	labels := []string{"fault:" + name, "safety", "liveness", "stability"}
	if strings.HasPrefix(name, "crash") {
		labels = append(labels, "leaks")
	}
	return labels
}

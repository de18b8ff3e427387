package harness

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ballot-go/ballot/checker"
)

// Deviation is a documented way an implementation departs, by its design,
// from what some specs expect: plain etcd-io/raft restarts its election
// timer whenever it adopts a higher term, so a node whose log can win may
// be kept from campaigning past the 5 s re-election bound. A spec that
// matches runs and is judged as always; if the only things it found are
// the ones the deviation covers, it passes with a note that Ginkgo always
// shows, naming the deviation and what was found. Anything else it finds
// fails it as usual. Safety never deviates: only a liveness or stability
// checker, or the scenario's own expectations, can be covered.
type Deviation struct {
	// Spec matches the specs it covers: a piece of their full text, such
	// as "multiple elections" or "etcd-io/etcd#8499".
	Spec string
	// Finding is what it covers: DeviationStep (the scenario's own
	// expectation failed) or a checker's name among DeviableCheckers.
	Finding string
	// Why explains it from the implementation's own source or docs, so a
	// reader can check it.
	Why string
}

// DeviationStep names a scenario's own expectations in Deviation.Finding.
const DeviationStep = "step"

// DeviableCheckers are the checkers a Deviation may cover: the liveness
// and stability ones, whose bounds a design may miss without being wrong.
var DeviableCheckers = []string{checker.ReElection{}.Name(), checker.Stability{}.Name()}

// Covers reports whether d covers finding in the spec whose full text is
// spec.
func (d Deviation) Covers(spec, finding string) bool {
	return d.Finding == finding && strings.Contains(spec, d.Spec)
}

func (d Deviation) validate(target string) error {
	switch {
	case d.Spec == "":
		return fmt.Errorf("harness: target %q declares a deviation with no Spec: name the specs it covers", target)
	case d.Why == "":
		return fmt.Errorf("harness: target %q declares a deviation for %q with no Why: explain it from the implementation's source or docs", target, d.Spec)
	case d.Finding != DeviationStep && !slices.Contains(DeviableCheckers, d.Finding):
		return fmt.Errorf("harness: target %q declares a deviation of %q for %q: a deviation covers %q or one of %s; safety never deviates",
			target, d.Finding, d.Spec, DeviationStep, strings.Join(DeviableCheckers, ", "))
	}
	return nil
}

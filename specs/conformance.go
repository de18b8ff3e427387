package specs

import (
	"github.com/ballot-go/ballot/specs/harness"
)

// Conformance registers ballot's whole conformance suite for target. Call it
// at package level in a test file, next to a TestXxx that calls RunSuite:
//
//	var _ = specs.Conformance(harness.Target{Name: "mine", Machine: mine.New})
//
// It returns true so that it can stand in a var declaration. A Realtime
// target runs only the specs labelled realtime; the others are skipped.
func Conformance(target harness.Target) bool {
	return describeAt(target.Name, func() {
		lab3A(target)
		eliben(target)
		prevote(target)
		matrix(target)
		nemesis(target)
		incidents(target)
	})
}

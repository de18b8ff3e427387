package machine_test

import (
	"testing"

	"github.com/ballot-go/ballot/impl/zoo/bugs/machine"
	"github.com/ballot-go/ballot/specs"
	"github.com/ballot-go/ballot/specs/harness"
)

// The control: the base with no variant runs ballot's whole conformance
// suite and must pass it, so that each machine bug of the zoo, which differs
// from it by one hook, fails for its bug and for nothing else.
var _ = specs.Conformance(harness.Target{Name: "machine bug base", Machine: machine.New})

func TestBase(t *testing.T) {
	specs.RunSuite(t, "machine bug base")
}

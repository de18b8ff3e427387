package lab_test

import (
	"testing"

	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/zoo/bugs/lab"
	"github.com/ballot-go/ballot/specs"
	"github.com/ballot-go/ballot/specs/harness"
)

// The control: the base with no variant runs ballot's whole conformance
// suite and must pass it, so that each bug of the zoo, which differs from
// it only by its hooks, fails for its bug and for nothing else.
var _ = specs.Conformance(harness.Target{
	Name: "lab base", Node: labrpc.Node(lab.Make), HeartbeatBudget: labrpc.HeartbeatBudget,
})

func TestConformance(t *testing.T) {
	specs.RunSuite(t, "lab base")
}

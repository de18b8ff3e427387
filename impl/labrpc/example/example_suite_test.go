package example_test

import (
	"testing"

	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/labrpc/example"
	"github.com/ballot-go/ballot/specs"
	"github.com/ballot-go/ballot/specs/harness"
)

// The 6.5840-style election runs ballot's whole conformance suite, in
// virtual time, exactly as a student's Lab 3A would.
var _ = specs.Conformance(harness.Target{
	Name: "6.5840 example", Node: labrpc.Node(example.Make), HeartbeatBudget: labrpc.HeartbeatBudget,
})

func TestConformance(t *testing.T) {
	specs.RunSuite(t, "6.5840-style example")
}

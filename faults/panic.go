package faults

import (
	"fmt"
	"time"
)

// Panic records an implementation that panicked inside the framework's call
// (a Machine's Tick or Step, a node's RPC handler). The network treats it as
// a crash of that node, so the run goes on and the framework never panics
// because an implementation did; the harness fails the run with this record.
type Panic struct {
	Node int
	At   time.Duration
	// Call names the call that panicked: "Step", "Tick", "State",
	// "Serve Raft.RequestVote", ...
	Call  string
	Value string
	Stack string
}

func (p Panic) String() string {
	return fmt.Sprintf("node %d panicked in %s at %v: %s\n%s", p.Node, p.Call, p.At, p.Value, p.Stack)
}

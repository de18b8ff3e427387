package checker_test

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/impl"
)

func ExampleRun() {
	leader := func(at time.Duration, node int, term uint64) checker.Event {
		return checker.Event{At: at, Type: checker.Observe, Node: node,
			Status: impl.Status{ID: node, Term: term, Role: impl.Leader, Leader: node, VotedFor: node}}
	}
	h := checker.History{Nodes: 3, Events: []checker.Event{
		leader(100*time.Millisecond, 0, 1),
		leader(200*time.Millisecond, 1, 1),
	}}
	results := checker.Run(h, checker.ElectionSafety{}, checker.TermMonotonic{})
	for _, r := range results {
		fmt.Println(r)
	}
	fmt.Println("failed:", checker.Failed(results))
	// Output:
	// ElectionSafety: violated
	//   at 200ms: two leaders in term 1: node 0 observed as leader at 100ms, then node 1 observed as leader at 200ms
	// TermMonotonic: ok
	// failed: true
}

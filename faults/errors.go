package faults

import (
	"errors"
	"fmt"
)

// Every network wraps these, with the node and what to do, so errors.Is
// answers the same way whichever network ran.
var (
	// ErrUnknownFault is wrapped by Lookup for a name nobody registered.
	ErrUnknownFault = errors.New("faults: unknown fault")
	// ErrInjected is returned by Inject on a fault that is already active:
	// a Fault value describes one occurrence, so inject it again only
	// after Heal.
	ErrInjected = errors.New("faults: fault is already injected")
	// ErrUnsupported is wrapped by a network that cannot apply a fault: a
	// goroutine node's clock cannot be skewed, for one.
	ErrUnsupported = errors.New("faults: not supported by this network")

	// The node errors read after "node N", as NodeError writes them.

	// ErrNoSuchNode: the node id is outside the cluster.
	ErrNoSuchNode = errors.New("does not exist")
	// ErrCrashed: the node is down, so it cannot be crashed or paused.
	ErrCrashed = errors.New("is down")
	// ErrNotCrashed: the node is running, so it cannot be restarted.
	ErrNotCrashed = errors.New("is running")
	// ErrPaused: the node is already paused.
	ErrPaused = errors.New("is already paused")
	// ErrNotPaused: the node is not paused, so it cannot be resumed.
	ErrNotPaused = errors.New("is not paused")
	// ErrSkewRate: a clock rate outside (0, 1000].
	ErrSkewRate = errors.New("cannot take that clock rate: it must be in (0, 1000]")
)

// NodeError is how a network reports that node cannot take an operation:
// "rpcnet: node 3 is down: it cannot be paused", wrapping ErrCrashed.
func NodeError(network string, node int, sentinel error, advice string) error {
	if advice != "" {
		advice = ": " + advice
	}
	return fmt.Errorf("%s: node %d %w%s", network, node, sentinel, advice)
}

package faults

import (
	"time"

	"github.com/ballot-go/ballot/impl"
)

// Network is a cluster of nodes behind a network that faults act on and a
// harness drives: the Machine simulator (faults/sim) and the goroutine
// network (faults/rpcnet) implement it. It is a Target, plus the clock and
// the view of each node.
//
// A Network reports what happens to its Tracer, as it happens: statuses,
// messages, incidents and, after every change to it, its Topology. Its
// users never have to read the topology back to keep a history right.
//
// An operation a network cannot perform returns an error wrapping
// ErrUnsupported (a goroutine node's clock cannot be skewed), and its
// Capabilities say so in advance; node errors
// wrap ErrNoSuchNode, ErrCrashed, ErrNotCrashed, ErrPaused, ErrNotPaused.
type Network interface {
	Target
	// Now is the network's time since it started: virtual in the
	// simulator and in a synctest bubble, wall time otherwise.
	Now() time.Duration
	// RunFor lets d pass.
	RunFor(d time.Duration)
	// RunUntil lets time pass until done reports true (checked after every
	// event) or limit has passed, and reports whether done became true.
	RunUntil(limit time.Duration, done func() bool) bool
	// Status is node n's last observed status; impl.Down while it is down.
	Status(n int) impl.Status
	// Live reports whether node n runs: neither crashed nor paused.
	Live(n int) bool
	// Topology describes the network now, as the Tracer last heard it.
	Topology() Topology
	// Capabilities says what Pause and Skew do on this network.
	Capabilities() Capabilities
	// Close stops every node. The Tracer hears WhyStopAll first.
	Close()
}

package impl

import (
	"math/rand/v2"

	"github.com/hashicorp/go-hclog"
)

// Node is an election that runs its own goroutines: 6.5840-style code,
// tutorials, production libraries behind an adapter.
//
// Obligations:
//   - Every goroutine the node starts ends soon after Stop returns; one
//     that lingers past the grace period is reported as a leak.
//   - State answers promptly and never blocks on the network.
//   - All peer traffic goes through Env.Transport, so that faults apply.
//   - A panic in State, Stop or a Handler is caught and counts as a crash
//     of the node and a failure of the run. A panic in a goroutine the node
//     started itself cannot be caught by anyone and ends the test binary,
//     as it would end a production process.
type Node interface {
	// State reports the current term and whether this node believes it leads.
	State() (term uint64, isLeader bool)
	// Stop shuts the node down. The framework never calls a stopped node again.
	Stop()
}

// Transport carries RPCs between nodes, like labrpc's ClientEnd.Call.
// args and reply are copied, so sender and receiver never share memory.
// Call returns false if the call or its reply was lost; like a real network
// it may take a while (a timeout) to say so.
type Transport interface {
	Call(peer int, method string, args, reply any) bool
}

// Observer receives a node's reports of its own role changes. It is optional:
// the framework also polls State.
type Observer interface {
	Observe(s Status)
}

// Env is what the framework hands a NodeFactory.
type Env struct {
	ID        int
	Peers     []int // every member, ID included
	Transport Transport
	Storage   Storage
	Logger    hclog.Logger
	// Observer is never nil; calling it is optional.
	Observer Observer
	// Rand is derived from the run's seed. Goroutine nodes are not replayed
	// bit for bit (the scheduler decides their interleaving), but drawing
	// from Rand still ties their choices to the seed. Not safe for
	// concurrent use.
	Rand *rand.Rand
}

// Handler serves the RPCs a node receives. The framework calls Serve for
// each inbound call, possibly concurrently, each in a goroutine of its own
// that counts as the node's.
//
// args is a deep copy of what the caller passed, of the same type (a *T if
// the caller passed a *T). reply is a pointer to a fresh zero value of the
// type the caller's reply points to; Serve fills it in, and the framework
// copies it back to the caller if the reply survives the network. Serve
// returns false for a method it does not know; the call then fails.
type Handler interface {
	Serve(method string, args, reply any) bool
}

// NodeFactory builds one member of a cluster and returns it with the handler
// for its inbound RPCs. It is called again with the same Storage when a
// crashed node restarts.
type NodeFactory func(env Env) (Node, Handler, error)

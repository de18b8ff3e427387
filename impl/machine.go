package impl

import (
	"math/rand/v2"

	"github.com/hashicorp/go-hclog"
)

// Machine is a deterministic election: a state machine driven by the
// framework. Model: etcd-io/raft's RawNode.
//
// Obligations, which make seeded replay possible:
//   - No goroutines, no clock, no I/O. Time passes only through Tick.
//   - All randomness comes from MachineConfig.Rand; never the global
//     math/rand, never crypto/rand.
//   - Step must not keep a delivered Message (or its Body) after it
//     returns: the framework may deliver the same Message again.
//   - Methods are called from one goroutine; no locking is needed.
//   - Invalid input from the network (a message from an unknown node, a
//     kind it does not expect) is ignored, never a panic.
type Machine interface {
	// Tick advances the machine's clock by one tick.
	Tick()
	// Step delivers one message addressed to this machine.
	Step(m Message)
	// Ready drains and returns the messages the machine wants sent. The
	// framework owns the returned slice.
	Ready() []Message
	// Status reports the machine's current beliefs.
	Status() Status
}

// MachineConfig is what the framework hands a MachineFactory.
type MachineConfig struct {
	ID    int
	Peers []int // every member, ID included
	// Storage holds the state that survives a crash; a restarted machine
	// must resume from it.
	Storage Storage
	// Rand is the machine's only source of randomness, derived from the run's seed.
	Rand *rand.Rand
	// Logger is named after the node; it may be hclog.NewNullLogger().
	Logger hclog.Logger
}

// MachineFactory builds one member of a cluster. It is called again with
// the same Storage when a crashed node restarts.
type MachineFactory func(cfg MachineConfig) (Machine, error)

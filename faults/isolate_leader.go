package faults

import "math/rand/v2"

func init() {
	Register("isolate-leader", func(*rand.Rand, int) Fault { return NewIsolateLeader() })
}

// IsolateLeaderFault cuts the current leader off from every other node. It
// picks the leader at Inject; with no leader it picks a random node and its
// String says so.
type IsolateLeaderFault struct {
	v   victim
	rec grudgeRecord
}

// NewIsolateLeader returns a fault that isolates whoever leads at Inject.
func NewIsolateLeader() *IsolateLeaderFault { return &IsolateLeaderFault{} }

func (f *IsolateLeaderFault) String() string { return "isolate-leader" + f.v.String() }

// Inject implements Fault.
func (f *IsolateLeaderFault) Inject(t Target) error {
	if f.rec.active {
		return injected("isolate-leader")
	}
	return f.rec.inject(t, "isolate-leader", Isolate(t.Size(), f.v.pick(t)))
}

// Heal implements Fault.
func (f *IsolateLeaderFault) Heal(t Target) error { return f.rec.heal(t) }

package faults

import "math/rand/v2"

func init() {
	Register("crash-leader", func(*rand.Rand, int) Fault { return NewCrashLeader() })
}

// CrashLeaderFault crashes whoever leads at Inject (a random node if nobody
// does; String says so) and restarts it on Heal.
type CrashLeaderFault struct {
	v   victim
	rec nodeRecord
}

// NewCrashLeader returns a fault that crashes the leader.
func NewCrashLeader() *CrashLeaderFault { return &CrashLeaderFault{} }

func (f *CrashLeaderFault) String() string { return "crash-leader" + f.v.String() }

// Inject implements Fault.
func (f *CrashLeaderFault) Inject(t Target) error {
	if f.rec.active {
		return injected("crash-leader")
	}
	return f.rec.do("crash-leader", f.v.pick(t), t.Crash)
}

// Heal implements Fault.
func (f *CrashLeaderFault) Heal(t Target) error { return f.rec.undo(t.Restart) }

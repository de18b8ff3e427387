package faults

import "math/rand/v2"

func init() {
	Register("pause-leader", func(*rand.Rand, int) Fault { return NewPauseLeader() })
}

// PauseLeaderFault pauses whoever leads at Inject (a random node if nobody
// does; String says so) and resumes it on Heal: the classic stale leader.
type PauseLeaderFault struct {
	v   victim
	rec nodeRecord
}

// NewPauseLeader returns a fault that pauses the leader.
func NewPauseLeader() *PauseLeaderFault { return &PauseLeaderFault{} }

func (f *PauseLeaderFault) String() string { return "pause-leader" + f.v.String() }

// Inject implements Fault.
func (f *PauseLeaderFault) Inject(t Target) error {
	if f.rec.active {
		return injected("pause-leader")
	}
	return f.rec.do("pause-leader", f.v.pick(t), t.Pause)
}

// Heal implements Fault.
func (f *PauseLeaderFault) Heal(t Target) error { return f.rec.undo(t.Resume) }

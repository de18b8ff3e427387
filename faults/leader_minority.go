package faults

import (
	"fmt"
	"math/rand/v2"
)

func init() {
	Register("leader-minority", func(*rand.Rand, int) Fault { return NewLeaderMinority() })
}

// LeaderMinorityFault traps the current leader in a minority, so the
// majority must elect a new leader while the old one may still believe it
// leads. The leader (or a random node, with no leader) is picked at Inject.
type LeaderMinorityFault struct {
	v      victim
	groups [][]int
	rec    grudgeRecord
}

// NewLeaderMinority returns a leader-minority partition.
func NewLeaderMinority() *LeaderMinorityFault { return &LeaderMinorityFault{} }

func (f *LeaderMinorityFault) String() string {
	return join(fmt.Sprint("leader-minority", f.v), groupsString(f.groups))
}

// Inject implements Fault.
func (f *LeaderMinorityFault) Inject(t Target) error {
	if f.rec.active {
		return injected("leader-minority")
	}
	leader := f.v.pick(t)
	f.groups = leaderMinority(t.Size(), leader, t.Rand())
	return f.rec.inject(t, "leader-minority", Complete(f.groups))
}

// Heal implements Fault.
func (f *LeaderMinorityFault) Heal(t Target) error { return f.rec.heal(t) }

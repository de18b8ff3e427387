package faults

import (
	"fmt"
	"math/rand/v2"
)

func init() {
	Register("majorities-ring", func(*rand.Rand, int) Fault { return NewMajoritiesRing() })
}

// MajoritiesRingFault applies a MajoritiesRing grudge over a ring order
// drawn from Target.Rand at Inject: every node sees a different majority.
type MajoritiesRingFault struct {
	ring []int
	rec  grudgeRecord
}

// NewMajoritiesRing returns a majorities-ring partition.
func NewMajoritiesRing() *MajoritiesRingFault { return &MajoritiesRingFault{} }

func (f *MajoritiesRingFault) String() string {
	if f.ring == nil {
		return "majorities-ring"
	}
	return fmt.Sprintf("majorities-ring ring=%v", f.ring)
}

// Inject implements Fault.
func (f *MajoritiesRingFault) Inject(t Target) error {
	if f.rec.active {
		return injected("majorities-ring")
	}
	f.ring = perm(t.Size(), t.Rand())
	return f.rec.inject(t, "majorities-ring", majoritiesRing(f.ring))
}

// Heal implements Fault.
func (f *MajoritiesRingFault) Heal(t Target) error { return f.rec.heal(t) }

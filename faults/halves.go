package faults

import "math/rand/v2"

func init() {
	Register("halves", func(*rand.Rand, int) Fault { return NewHalves() })
}

// HalvesFault splits the cluster into two random halves (Jepsen's
// partition-random-halves), drawn from Target.Rand at each Inject.
type HalvesFault struct {
	groups [][]int
	rec    grudgeRecord
}

// NewHalves returns a random-halves partition.
func NewHalves() *HalvesFault { return &HalvesFault{} }

func (f *HalvesFault) String() string { return join("halves", groupsString(f.groups)) }

// Inject implements Fault.
func (f *HalvesFault) Inject(t Target) error {
	if f.rec.active {
		return injected("halves")
	}
	f.groups = halves(t.Size(), t.Rand())
	return f.rec.inject(t, "halves", Complete(f.groups))
}

// Heal implements Fault.
func (f *HalvesFault) Heal(t Target) error { return f.rec.heal(t) }

package faults

import "math/rand/v2"

func init() {
	Register("random-partition", func(*rand.Rand, int) Fault { return NewRandomPartition() })
}

// RandomPartitionFault splits the cluster into 2 or 3 random groups, drawn
// from Target.Rand at Inject.
type RandomPartitionFault struct {
	groups [][]int
	rec    grudgeRecord
}

// NewRandomPartition returns a random partition.
func NewRandomPartition() *RandomPartitionFault { return &RandomPartitionFault{} }

func (f *RandomPartitionFault) String() string {
	return join("random-partition", groupsString(f.groups))
}

// Inject implements Fault.
func (f *RandomPartitionFault) Inject(t Target) error {
	if f.rec.active {
		return injected("random-partition")
	}
	f.groups = randomPartition(t.Size(), t.Rand())
	return f.rec.inject(t, "random-partition", Complete(f.groups))
}

// Heal implements Fault.
func (f *RandomPartitionFault) Heal(t Target) error { return f.rec.heal(t) }

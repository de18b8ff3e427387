package faults

import (
	"fmt"
	"math/rand/v2"
)

func init() {
	Register("pause", func(r *rand.Rand, n int) Fault { return &PauseFault{Node: randNode(r, n)} })
}

// PauseFault holds Node (see Target.Pause): it neither receives nor sends,
// and messages to it queue until Heal resumes it; in the simulator its
// clock stops too, like SIGSTOP, while a goroutine node keeps ticking.
// Unlike a crash it keeps all its state, so it wakes up believing whatever
// it believed, perhaps that it leads.
type PauseFault struct {
	Node int
	rec  nodeRecord
}

// NewPause pauses node.
func NewPause(node int) (*PauseFault, error) {
	if err := checkVictim("pause", node); err != nil {
		return nil, err
	}
	return &PauseFault{Node: node}, nil
}

func (f *PauseFault) String() string { return fmt.Sprintf("pause n%d", f.Node) }

// Inject implements Fault.
func (f *PauseFault) Inject(t Target) error { return f.rec.do("pause", f.Node, t.Pause) }

// Heal implements Fault.
func (f *PauseFault) Heal(t Target) error { return f.rec.undo(t.Resume) }

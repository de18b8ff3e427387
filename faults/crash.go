package faults

import (
	"fmt"
	"math/rand/v2"
)

func init() {
	Register("crash", func(r *rand.Rand, n int) Fault { return &CrashFault{Node: randNode(r, n)} })
}

// CrashFault crashes Node, losing everything but its Storage, and restarts
// it on Heal.
type CrashFault struct {
	Node int
	rec  nodeRecord
}

// NewCrash crashes node.
func NewCrash(node int) (*CrashFault, error) {
	if err := checkVictim("crash", node); err != nil {
		return nil, err
	}
	return &CrashFault{Node: node}, nil
}

func (f *CrashFault) String() string { return fmt.Sprintf("crash n%d", f.Node) }

// Inject implements Fault.
func (f *CrashFault) Inject(t Target) error { return f.rec.do("crash", f.Node, t.Crash) }

// Heal implements Fault.
func (f *CrashFault) Heal(t Target) error { return f.rec.undo(t.Restart) }

package faults

import (
	"fmt"
	"math/rand/v2"
)

func init() {
	Register("isolate", func(r *rand.Rand, n int) Fault { return &IsolateFault{Node: randNode(r, n)} })
}

// IsolateFault cuts Node off from every other node, both ways.
type IsolateFault struct {
	Node int
	rec  grudgeRecord
}

// NewIsolate isolates node.
func NewIsolate(node int) (*IsolateFault, error) {
	if err := checkVictim("isolate", node); err != nil {
		return nil, err
	}
	return &IsolateFault{Node: node}, nil
}

func (f *IsolateFault) String() string { return fmt.Sprintf("isolate n%d", f.Node) }

// Inject implements Fault.
func (f *IsolateFault) Inject(t Target) error {
	return f.rec.inject(t, "isolate", Isolate(t.Size(), f.Node))
}

// Heal implements Fault.
func (f *IsolateFault) Heal(t Target) error { return f.rec.heal(t) }

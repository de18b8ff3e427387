package faults

import (
	"fmt"
	"math/rand/v2"
)

func init() {
	Register("bridge", func(*rand.Rand, int) Fault { return NewBridge() })
}

// BridgeFault applies a Bridge grudge drawn from Target.Rand at Inject: two
// halves joined only through one node.
type BridgeFault struct {
	left, right []int
	bridge      int
	rec         grudgeRecord
}

// NewBridge returns a bridge partition.
func NewBridge() *BridgeFault { return &BridgeFault{} }

func (f *BridgeFault) String() string {
	if !f.rec.active && f.left == nil && f.right == nil {
		return "bridge"
	}
	return fmt.Sprintf("bridge %v <-> [%d] <-> %v", f.left, f.bridge, f.right)
}

// Inject implements Fault.
func (f *BridgeFault) Inject(t Target) error {
	if f.rec.active {
		return injected("bridge")
	}
	f.left, f.bridge, f.right = bridgeLayout(t.Size(), t.Rand())
	return f.rec.inject(t, "bridge", Complete([][]int{f.left, f.right}))
}

// Heal implements Fault.
func (f *BridgeFault) Heal(t Target) error { return f.rec.heal(t) }

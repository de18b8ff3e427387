package faults

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// skewRates are the rates a random nemesis picks from: fast and slow
// clocks, never so extreme that the election cannot work at all. Fast
// clocks stop at 1.25x: a leader whose clock runs 1.5x fast sends a 150 ms
// heartbeat every 100 ms, which is the 10 per second budget itself, so any
// phase jitter would put the fault, not the implementation, over budget.
var skewRates = [...]float64{0.5, 0.75, 1.25}

func init() {
	Register("skew", func(r *rand.Rand, n int) Fault {
		return &SkewFault{Node: randNode(r, n), Rate: skewRates[r.IntN(len(skewRates))]}
	})
}

// SkewFault runs Node's clock at Rate times normal speed; Heal sets it back
// to 1. A slow follower times out late; a fast one calls elections early.
type SkewFault struct {
	Node int
	Rate float64
	rec  nodeRecord
}

// NewSkew skews node's clock by rate, which must be positive and finite.
func NewSkew(node int, rate float64) (*SkewFault, error) {
	if err := checkVictim("skew", node); err != nil {
		return nil, err
	}
	if !(rate > 0) || math.IsInf(rate, 0) {
		return nil, fmt.Errorf("faults: skew rate %v must be positive and finite", rate)
	}
	return &SkewFault{Node: node, Rate: rate}, nil
}

func (f *SkewFault) String() string { return fmt.Sprintf("skew n%d x%g", f.Node, f.Rate) }

// Inject implements Fault.
func (f *SkewFault) Inject(t Target) error {
	return f.rec.do("skew", f.Node, func(n int) error { return t.Skew(n, f.Rate) })
}

// Heal implements Fault.
func (f *SkewFault) Heal(t Target) error {
	return f.rec.undo(func(n int) error { return t.Skew(n, 1) })
}

package faults

import (
	"fmt"
	"math/rand/v2"
)

// victim is a node chosen at Inject: the leader if there is one, otherwise a
// random node, in which case random is set so String can say so.
type victim struct {
	node   int
	chosen bool
	random bool
}

func (v *victim) pick(t Target) int {
	node, ok := t.Leader()
	if !ok {
		node = randNode(t.Rand(), t.Size())
	}
	*v = victim{node: node, chosen: true, random: !ok}
	return node
}

func (v victim) String() string {
	switch {
	case !v.chosen:
		return ""
	case v.random:
		return fmt.Sprintf(" n%d (no leader: random)", v.node)
	default:
		return fmt.Sprintf(" n%d", v.node)
	}
}

// randNode picks a node of n, or 0 when n < 1 so that the Target, not a
// panic in rand, reports the bad size.
func randNode(r *rand.Rand, n int) int {
	if n < 1 {
		return 0
	}
	return r.IntN(n)
}

// checkVictim is the constructor check for a node id given by the user.
func checkVictim(name string, node int) error {
	if node < 0 {
		return fmt.Errorf("faults: %s node %d is negative", name, node)
	}
	return nil
}

package faults

import (
	"fmt"
	"slices"
	"strings"
)

// Grudge is a network partition written as data, as Jepsen writes it: for
// each receiving node, the nodes it does not hear from. A node missing from
// the map hears everyone. Grudges compose by Union, so several partition
// faults can be active at once.
//
//	Grudge{2: {0, 1}} // node 2 drops whatever 0 and 1 send it; 2 -> 0 still works
type Grudge map[int][]int

// Cuts reports whether messages from node from to node to are lost.
func (g Grudge) Cuts(from, to int) bool {
	return slices.Contains(g[to], from)
}

// Union returns a new grudge that cuts every link either g or other cuts.
// Neither input is modified.
func (g Grudge) Union(other Grudge) Grudge {
	u := make(Grudge, len(g)+len(other))
	for _, src := range []Grudge{g, other} {
		for to, froms := range src {
			u[to] = append(u[to], froms...)
		}
	}
	for to, froms := range u {
		slices.Sort(froms)
		u[to] = slices.Compact(froms)
	}
	return u
}

// Validate reports node ids outside [0, n) and self-cuts, which a network
// cannot express. The builders in this package never produce either from
// valid arguments; faults validate before they inject.
func (g Grudge) Validate(n int) error {
	for _, to := range g.receivers() {
		if to < 0 || to >= n {
			return fmt.Errorf("faults: grudge names node %d, outside [0, %d)", to, n)
		}
		for _, from := range g[to] {
			if from < 0 || from >= n {
				return fmt.Errorf("faults: grudge names node %d, outside [0, %d)", from, n)
			}
			if from == to {
				return fmt.Errorf("faults: grudge cuts node %d from itself", to)
			}
		}
	}
	return nil
}

// String lists the cut links per receiver in node order, for example
// "{2<-[0 1] 3<-[0 1]}": node 2 hears neither 0 nor 1. It is stable, so
// it can go into a trace.
func (g Grudge) String() string {
	var b strings.Builder
	b.WriteByte('{')
	for i, to := range g.receivers() {
		froms := slices.Clone(g[to])
		slices.Sort(froms)
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d<-%v", to, slices.Compact(froms))
	}
	b.WriteByte('}')
	return b.String()
}

// receivers returns the nodes with a non-empty entry, sorted, so that
// iteration over a grudge is deterministic.
func (g Grudge) receivers() []int {
	keys := make([]int, 0, len(g))
	for to, froms := range g {
		if len(froms) > 0 {
			keys = append(keys, to)
		}
	}
	slices.Sort(keys)
	return keys
}

package faults

import "slices"

// Isolate cuts each listed node off from every other node, both ways.
//
//	Isolate(5, 2):   0 1 3 4 | 2
//	Isolate(5, 1, 3): 0 2 4 | 1 | 3
func Isolate(n int, nodes ...int) Grudge {
	nodes = unique(nodes)
	groups := make([][]int, 0, len(nodes)+1)
	for _, v := range nodes {
		groups = append(groups, []int{v})
	}
	return Complete(append(groups, others(n, nodes)))
}

// Split cuts side off from the rest of the n nodes, both ways; links inside
// each group work.
//
//	Split(5, []int{0, 3}):  0 3 | 1 2 4
func Split(n int, side []int) Grudge {
	side = unique(side)
	return Complete([][]int{side, others(n, side)})
}

// OneWay loses every message from a node in from to a node in to; the
// reverse direction still works. A node in both sets keeps its own loopback.
//
//	OneWay([]int{0}, []int{1, 2}):  0 --x--> 1, 2   but   1, 2 ----> 0
func OneWay(from, to []int) Grudge {
	g := Grudge{}
	for _, t := range unique(to) {
		for _, f := range unique(from) {
			if f != t {
				g[t] = append(g[t], f)
			}
		}
	}
	return g
}

// Complete turns groups into a grudge where nodes in different groups cannot
// talk at all and nodes in the same group can (Jepsen's complete-grudge).
// A node listed in no group is not cut from anyone.
func Complete(groups [][]int) Grudge {
	g := Grudge{}
	for i, group := range groups {
		for _, to := range group {
			for j, other := range groups {
				if i != j {
					g[to] = append(g[to], other...)
				}
			}
		}
	}
	return g.Union(nil) // sorts and removes duplicates
}

// others returns the nodes of [0, n) not in taken, in order.
func others(n int, taken []int) []int {
	var rest []int
	for v := range max(n, 0) {
		if !slices.Contains(taken, v) {
			rest = append(rest, v)
		}
	}
	return rest
}

// unique returns a sorted copy of nodes without duplicates.
func unique(nodes []int) []int {
	out := slices.Clone(nodes)
	slices.Sort(out)
	return slices.Compact(out)
}

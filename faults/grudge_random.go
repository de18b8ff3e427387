package faults

import (
	"math/rand/v2"
	"slices"
)

// The builders in this file draw their layout from r and nothing else, so a
// seed fixes the partition. Each has an unexported twin returning the layout,
// which the faults print on a timeline.

// Halves splits the n nodes at random into floor(n/2) and ceil(n/2).
//
//	Halves(5, r):  1 4 | 0 2 3
func Halves(n int, r *rand.Rand) Grudge { return Complete(halves(n, r)) }

func halves(n int, r *rand.Rand) [][]int {
	p := perm(n, r)
	return sortGroups([][]int{p[:len(p)/2], p[len(p)/2:]})
}

// LeaderMinority puts leader in a minority of max(1, floor((n-1)/2)) nodes,
// the rest drawn at random; the other side keeps a majority and can elect.
//
//	LeaderMinority(5, 2, r):  2 0 | 1 3 4
func LeaderMinority(n, leader int, r *rand.Rand) Grudge {
	return Complete(leaderMinority(n, leader, r))
}

func leaderMinority(n, leader int, r *rand.Rand) [][]int {
	rest := others(n, []int{leader})
	r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	k := min(max(1, (n-1)/2)-1, len(rest))
	return sortGroups([][]int{append([]int{leader}, rest[:k]...), rest[k:]})
}

// MajoritiesRing is Jepsen's majorities-ring: the nodes sit on a shuffled
// ring, and each hears only the window of majority-many ring neighbours
// centred on itself. Every node sees a majority including itself, but no two
// see the same one (for n >= 3; smaller clusters get no cuts). With n = 5,
// ring order 0 1 2 3 4:
//
//	4 [0] 1   0 hears 4, 0, 1     (ring wraps)
//	0 [1] 2   1 hears 0, 1, 2
//	...       and so on round the ring
//
// For even n the window has one more node before the centre than after, so
// some links are cut in one direction only, as in Jepsen's perfect variant
// (which this uses at every size).
func MajoritiesRing(n int, r *rand.Rand) Grudge { return majoritiesRing(perm(n, r)) }

func majoritiesRing(ring []int) Grudge {
	n := len(ring)
	g := Grudge{}
	if n < 3 {
		return g
	}
	m := n/2 + 1
	for i, node := range ring {
		start := i - m/2 // window ring[start .. start+m), node at offset m/2
		var hears []int
		for k := range m {
			hears = append(hears, ring[((start+k)%n+n)%n])
		}
		g[node] = others(n, hears)
	}
	return g
}

// Bridge is Jepsen's bridge: two halves that cannot talk to each other and
// one node in the middle that talks to both. Each half plus the bridge is a
// majority.
//
//	Bridge(5, r):  0 3 <-> [1] <-> 2 4
func Bridge(n int, r *rand.Rand) Grudge {
	// The bridge is in neither group, so nobody is cut from it.
	left, _, right := bridgeLayout(n, r)
	return Complete([][]int{left, right})
}

func bridgeLayout(n int, r *rand.Rand) (left []int, bridge int, right []int) {
	p := perm(n, r)
	if n < 1 {
		return nil, -1, nil
	}
	h := n / 2
	return sorted(p[:h]), p[h], sorted(p[h+1:])
}

// RandomPartition cuts the nodes into 2 or 3 random non-empty groups (2 when
// n < 3; no cuts when n < 2).
//
//	RandomPartition(5, r):  0 | 2 4 | 1 3
func RandomPartition(n int, r *rand.Rand) Grudge { return Complete(randomPartition(n, r)) }

func randomPartition(n int, r *rand.Rand) [][]int {
	if n < 2 {
		return nil
	}
	k := 2
	if n >= 3 {
		k += r.IntN(2)
	}
	p := perm(n, r)
	groups := make([][]int, k)
	for i, v := range p {
		g := i // the first k nodes seed the groups, so none is empty
		if i >= k {
			g = r.IntN(k)
		}
		groups[g] = append(groups[g], v)
	}
	return sortGroups(groups)
}

// perm is r.Perm that tolerates n <= 0.
func perm(n int, r *rand.Rand) []int {
	if n <= 0 {
		return nil
	}
	return r.Perm(n)
}

func sorted(s []int) []int {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// sortGroups sorts each group and orders groups by their smallest node, so
// that a printed layout reads the same for the same partition.
func sortGroups(groups [][]int) [][]int {
	for i := range groups {
		groups[i] = sorted(groups[i])
	}
	slices.SortFunc(groups, func(a, b []int) int {
		if len(a) == 0 || len(b) == 0 {
			return len(a) - len(b)
		}
		return a[0] - b[0]
	})
	return groups
}

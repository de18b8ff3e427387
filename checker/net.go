package checker

import "math/bits"

// MaxCliqueNodes is the largest cluster whose majority cliques are computed:
// node sets are uint64 bit masks.
const MaxCliqueNodes = 64

// Entries missing from a Net (a short Live or Cut slice, or a nil Net before
// the first Topology event) mean "live" and "not cut": the harness records
// the faults it made, so silence means there were none.

// IsLive reports whether node i is live in n.
func (n *Net) IsLive(i int) bool {
	if n == nil || i < 0 || i >= len(n.Live) {
		return true
	}
	return n.Live[i]
}

// IsCut reports whether messages from i to j are all lost in n.
func (n *Net) IsCut(i, j int) bool {
	if n == nil || i < 0 || i >= len(n.Cut) || j < 0 || j >= len(n.Cut[i]) {
		return false
	}
	return n.Cut[i][j]
}

// ClockRate is how fast node i's clock runs in n; 1 when n says nothing.
func (n *Net) ClockRate(i int) float64 {
	if n == nil || i < 0 || i >= len(n.Rate) || !(n.Rate[i] > 0) {
		return 1
	}
	return n.Rate[i]
}

// IsLossy reports whether a link rule degrades messages from i to j in n.
func (n *Net) IsLossy(i, j int) bool {
	if n == nil || i < 0 || i >= len(n.Lossy) || j < 0 || j >= len(n.Lossy[i]) {
		return false
	}
	return n.Lossy[i][j]
}

// IsClean reports whether messages from i to j all arrive, in time.
func (n *Net) IsClean(i, j int) bool { return !n.IsCut(i, j) && !n.IsLossy(i, j) }

// Reaches reports whether live node i can send over clean links to a
// majority of the nodes, itself included: whether its heartbeats can keep a
// majority following it.
func (n *Net) Reaches(i, nodes int) bool {
	if !n.IsLive(i) {
		return false
	}
	reached := 1
	for j := range nodes {
		if j != i && n.IsLive(j) && n.IsClean(i, j) {
			reached++
		}
	}
	return reached > nodes/2
}

// Healthy reports whether n shows no fault at all among nodes 0..nodes-1:
// not Faulty, every node live, no link cut.
func (n *Net) Healthy(nodes int) bool {
	if n == nil {
		return true
	}
	if n.Faulty {
		return false
	}
	for i := range min(nodes, len(n.Live)) {
		if !n.Live[i] {
			return false
		}
	}
	for i := range min(nodes, len(n.Cut)) {
		for j := range min(nodes, len(n.Cut[i])) {
			if n.Cut[i][j] {
				return false
			}
		}
	}
	return true
}

// majorities describes the majority cliques of one Net: sets of more than
// half of the nodes, all live and pairwise connected both ways by clean
// links (not cut, no lossy rule). Those are the groups that can certainly
// still elect and keep a leader.
type majorities struct {
	members uint64 // union of all majority cliques
	largest uint64 // one largest majority clique, to name in messages
	ok      bool   // false if the search ran out of budget
}

func (m majorities) exist() bool        { return m.largest != 0 }
func (m majorities) has(node int) bool  { return node >= 0 && node < 64 && m.members&(1<<node) != 0 }
func (m majorities) largestList() []int { return maskList(m.largest) }

// cliqueBudget bounds the Bron–Kerbosch search per Net. Fault topologies are
// unions of near-cliques and finish in a few calls; only adversarial graphs
// (Moon–Moser) on dozens of nodes come near it.
const cliqueBudget = 1 << 20

// findMajorities runs Bron–Kerbosch with pivoting over bit masks, pruning
// every branch that cannot grow past half of the nodes.
func findMajorities(net *Net, nodes int) majorities {
	if nodes <= 0 || nodes > MaxCliqueNodes {
		return majorities{}
	}
	s := cliqueSearch{need: nodes/2 + 1, budget: cliqueBudget, adj: adjacency(net, nodes)}
	var live uint64
	for i := range nodes {
		if net.IsLive(i) {
			live |= 1 << i
		}
	}
	s.run(0, live, 0)
	return majorities{members: s.members, largest: s.largest, ok: s.budget >= 0}
}

// adjacency links live nodes that can talk both ways over clean links.
func adjacency(net *Net, nodes int) []uint64 {
	adj := make([]uint64, nodes)
	for i := range nodes {
		for j := range nodes {
			if i != j && net.IsLive(i) && net.IsLive(j) && net.IsClean(i, j) && net.IsClean(j, i) {
				adj[i] |= 1 << j
			}
		}
	}
	return adj
}

type cliqueSearch struct {
	need             int
	budget           int
	adj              []uint64
	members, largest uint64
}

func (s *cliqueSearch) run(r, p, x uint64) {
	if s.budget--; s.budget < 0 {
		return
	}
	if bits.OnesCount64(r)+bits.OnesCount64(p) < s.need {
		return // no majority clique down this branch
	}
	if p == 0 && x == 0 {
		s.members |= r
		if bits.OnesCount64(r) > bits.OnesCount64(s.largest) {
			s.largest = r
		}
		return
	}
	for cand := p &^ s.adj[s.pivot(p|x, p)]; cand != 0; cand &= cand - 1 {
		v := bits.TrailingZeros64(cand)
		s.run(r|1<<v, p&s.adj[v], x&s.adj[v])
		p &^= 1 << v
		x |= 1 << v
	}
}

// pivot picks the node of px with most neighbours in p, which minimises branching.
func (s *cliqueSearch) pivot(px, p uint64) int {
	best, bestN := 0, -1
	for m := px; m != 0; m &= m - 1 {
		u := bits.TrailingZeros64(m)
		if n := bits.OnesCount64(p & s.adj[u]); n > bestN {
			best, bestN = u, n
		}
	}
	return best
}

func maskList(m uint64) []int {
	var out []int
	for ; m != 0; m &= m - 1 {
		out = append(out, bits.TrailingZeros64(m))
	}
	return out
}

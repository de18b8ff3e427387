package checker

import "fmt"

// ElectionSafety checks that at most one node leads any term (Raft §5.2,
// Figure 3). A node leads term t if it is observed with role Leader in t or
// sends a heartbeat in t.
type ElectionSafety struct{}

func (ElectionSafety) Name() string { return "ElectionSafety" }

func (c ElectionSafety) Check(h History) Result {
	type claim struct{ node, idx int }
	first := make(map[uint64]claim)   // term -> first node seen leading it
	reported := make(map[uint64]bool) // one finding per term is enough
	last := newTable(h.Nodes, lastClaim{})
	rep := newReport(h)
	for i := range h.Events {
		e := &h.Events[i]
		node, term, ok := leaderClaim(e)
		if !ok || last.at(node).repeat(term) {
			continue
		}
		prev, seen := first[term]
		if !seen {
			first[term] = claim{node, i}
			continue
		}
		if prev.node == node || reported[term] {
			continue
		}
		if reported[term] = true; !rep.room() {
			continue
		}
		pe := &h.Events[prev.idx]
		rep.add(Violation{
			Summary: fmt.Sprintf("two leaders in term %d: node %d %s at %v, then node %d %s at %v",
				term, prev.node, claimHow(pe), pe.At, node, claimHow(e), e.At),
			At:    e.At,
			Nodes: []int{prev.node, node},
			Terms: []uint64{term},
		}, i, prev.idx)
	}
	return rep.result(c.Name())
}

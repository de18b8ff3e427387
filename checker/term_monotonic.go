package checker

import "fmt"

// TermMonotonic checks that no node's observed term ever decreases, across
// crashes and restarts too: the term is persistent state (Raft Figure 2).
// Observations of a Down node carry its last term, so they take part.
type TermMonotonic struct{}

func (TermMonotonic) Name() string { return "TermMonotonic" }

// lastTerm is a node's latest observed term and where it was seen.
type lastTerm struct {
	term uint64
	idx  int
	set  bool
}

func (c TermMonotonic) Check(h History) Result {
	last := newTable(h.Nodes, lastTerm{})
	rep := newReport(h)
	for i := range h.Events {
		e := &h.Events[i]
		if e.Type != Observe {
			continue
		}
		p := last.at(e.Node)
		if p.set && e.Status.Term < p.term && rep.room() {
			pe := &h.Events[p.idx]
			rep.add(Violation{
				Summary: fmt.Sprintf("node %d went back from term %d (observed %s at %v) to term %d (observed %s at %v)",
					e.Node, p.term, pe.Status.Role, pe.At, e.Status.Term, e.Status.Role, e.At),
				At:    e.At,
				Nodes: []int{e.Node},
				Terms: []uint64{p.term, e.Status.Term},
			}, i, p.idx)
		}
		// Follow the node to its new term, so that one regression is
		// reported once, not at every observation until it catches up.
		*p = lastTerm{e.Status.Term, i, true}
	}
	return rep.result(c.Name())
}

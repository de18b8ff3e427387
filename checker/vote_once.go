package checker

import (
	"fmt"

	"github.com/ballot-go/ballot/impl"
)

// VoteOnce checks that a node grants at most one vote per term (Raft
// Figure 2, RequestVote rule 2). A vote is seen either on the wire (a sent
// vote reply with Granted, from Msg.From to Msg.To in Msg.Term) or in an
// observation (Status.VotedFor in Status.Term). Both feed one record per
// voter and term, which outlives crashes: a node that restarts in the same
// term and votes for someone else lost state it had to persist.
type VoteOnce struct{}

func (VoteOnce) Name() string { return "VoteOnce" }

func (c VoteOnce) Check(h History) Result {
	v := voteOnce{events: h.Events, first: make(map[voteKey]voteSeen),
		reported: make(map[voteKey]bool), last: newTable(h.Nodes, lastVote{}), rep: newReport(h)}
	for i := range h.Events {
		v.step(i)
	}
	return v.rep.result(c.Name())
}

type voteKey struct {
	voter int
	term  uint64
}

type voteSeen struct{ candidate, idx int }

// lastVote spares a map lookup for the many observations that leave a
// node's vote unchanged.
type lastVote struct {
	term uint64
	vote int
	set  bool
}

type voteOnce struct {
	events   []Event
	first    map[voteKey]voteSeen
	reported map[voteKey]bool
	last     *table[lastVote]
	rep      *report
}

func (v *voteOnce) step(i int) {
	e := &v.events[i]
	switch {
	case e.Type == Send && e.Msg.Kind == impl.KindVoteReply && e.Msg.Granted:
		v.grant(i, e.Msg.From, e.Msg.Term, e.Msg.To)
	case e.Type == Observe && e.Status.VotedFor >= 0:
		lv := v.last.at(e.Node)
		if lv.set && lv.term == e.Status.Term && lv.vote == e.Status.VotedFor {
			return
		}
		*lv = lastVote{e.Status.Term, e.Status.VotedFor, true}
		v.grant(i, e.Node, e.Status.Term, e.Status.VotedFor)
	}
}

func (v *voteOnce) grant(i, voter int, term uint64, candidate int) {
	k := voteKey{voter, term}
	prev, ok := v.first[k]
	if !ok {
		v.first[k] = voteSeen{candidate, i}
		return
	}
	if prev.candidate == candidate || v.reported[k] {
		return
	}
	if v.reported[k] = true; !v.rep.room() {
		return
	}
	pe, e := &v.events[prev.idx], &v.events[i]
	v.rep.add(Violation{
		Summary: fmt.Sprintf("node %d voted twice in term %d: for node %d (%s at %v), then for node %d (%s at %v)",
			voter, term, prev.candidate, voteHow(pe), pe.At, candidate, voteHow(e), e.At),
		At:    e.At,
		Nodes: []int{voter, prev.candidate, candidate},
		Terms: []uint64{term},
	}, i, prev.idx)
}

func voteHow(e *Event) string {
	if e.Type == Observe {
		return "observed"
	}
	return "vote reply sent"
}

package checker

import (
	"fmt"
	"math/bits"
	"slices"

	"github.com/ballot-go/ballot/impl"
)

// LeaderHasQuorum checks from the wire that every leader won its election:
// before node n is first seen leading term t (observed as Leader, or sending
// a heartbeat), granted vote replies of term t addressed to n must have been
// delivered to it from a majority of distinct nodes, n itself counted once
// whether or not it appears. Pre-vote replies never count, and voters outside
// 0..Nodes-1 are not members.
//
// A single-node cluster is trivially fine. Otherwise, without any Send,
// Deliver or Drop event the history has no wire record and the result is
// Unknown.
type LeaderHasQuorum struct{}

func (LeaderHasQuorum) Name() string { return "LeaderHasQuorum" }

func (c LeaderHasQuorum) Check(h History) Result {
	switch why := sizeReason(h.Nodes, MaxNodes); {
	case why != "":
		return unknown(c.Name(), why)
	case h.Nodes == 1:
		return Result{Checker: c.Name(), Outcome: Ok} // its own vote is a majority
	case !hasWire(h):
		return unknown(c.Name(), "no wire record")
	}
	q := quorum{h: h, need: h.Nodes/2 + 1, ballots: make(map[ballotKey]*ballot),
		checked: make(map[ballotKey]bool), last: newTable(h.Nodes, lastClaim{}), rep: newReport(h)}
	for i := range h.Events {
		q.step(i)
	}
	return q.rep.result(c.Name())
}

type ballotKey struct {
	candidate int
	term      uint64
}

// ballot is the set of distinct nodes that granted a candidate their vote
// in one term, with the deliveries that prove it.
type ballot struct {
	voters []uint64 // bit set over 0..Nodes-1
	idx    []int
}

func (b *ballot) add(voter, i int) {
	w, bit := voter/64, uint64(1)<<(voter%64)
	if b.voters[w]&bit == 0 {
		b.voters[w] |= bit
		b.idx = append(b.idx, i)
	}
}

func (b *ballot) has(n int) bool { return b.voters[n/64]&(1<<(n%64)) != 0 }

func (b *ballot) list() []int {
	var out []int
	for w, m := range b.voters {
		for ; m != 0; m &= m - 1 {
			out = append(out, w*64+bits.TrailingZeros64(m))
		}
	}
	return out
}

type quorum struct {
	h       History
	need    int
	ballots map[ballotKey]*ballot
	checked map[ballotKey]bool
	last    *table[lastClaim]
	rep     *report
}

func (q *quorum) step(i int) {
	e := &q.h.Events[i]
	if e.Type == Deliver && e.Msg.Kind == impl.KindVoteReply && e.Msg.Granted {
		q.vote(i)
		return
	}
	node, term, ok := leaderClaim(e)
	if !ok || node < 0 || node >= q.h.Nodes || q.last.at(node).repeat(term) {
		return
	}
	k := ballotKey{node, term}
	if q.checked[k] {
		return
	}
	q.checked[k] = true
	q.judge(i, k)
}

func (q *quorum) vote(i int) {
	m := &q.h.Events[i].Msg
	if m.From < 0 || m.From >= q.h.Nodes {
		return
	}
	k := ballotKey{m.To, m.Term}
	b := q.ballots[k]
	if b == nil {
		b = &ballot{voters: make([]uint64, (q.h.Nodes+63)/64)}
		q.ballots[k] = b
	}
	b.add(m.From, i)
}

// judge checks the ballot of a leader at the moment it is first seen.
func (q *quorum) judge(i int, k ballotKey) {
	b := q.ballots[k]
	if b == nil {
		b = &ballot{voters: make([]uint64, (q.h.Nodes+63)/64)}
	}
	votes := len(b.idx)
	if !b.has(k.candidate) {
		votes++ // its own vote
	}
	if votes >= q.need || !q.rep.room() {
		return
	}
	voters := b.list()
	e := &q.h.Events[i]
	q.rep.add(Violation{
		Summary: fmt.Sprintf("node %d %s for term %d at %v with granted votes from only %s (itself included): a majority of %d needs %d",
			k.candidate, claimHow(e), k.term, e.At, nodeSet(withSelf(voters, k.candidate)), q.h.Nodes, q.need),
		At:    e.At,
		Nodes: append([]int{k.candidate}, without(voters, k.candidate)...),
		Terms: []uint64{k.term},
	}, i, b.idx...)
}

func withSelf(voters []int, self int) []int {
	out := append([]int{self}, without(voters, self)...)
	slices.Sort(out)
	return out
}

func without(ids []int, x int) []int {
	out := make([]int, 0, len(ids))
	for _, id := range ids {
		if id != x {
			out = append(out, id)
		}
	}
	return out
}

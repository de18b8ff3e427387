package checker

import (
	"fmt"
	"slices"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// HeartbeatBudget checks the 6.5840 rule that a leader sends heartbeats "no
// more than ten times per second": in any sliding window (t-1s, t], the
// heartbeats one node sends to one follower (Send events of KindHeartbeat,
// counted whether or not they arrive) must number at most PerSecond. The
// budget is per link, because a deposed leader that has not yet heard of
// the new term legitimately heartbeats beside the new one; two leaders of
// one term are ElectionSafety's business. A leader that resends on every
// tick shows up here. One finding per link per burst: the count must fall
// back within budget before that link is reported again.
type HeartbeatBudget struct {
	// PerSecond is the budget; 0 means 10.
	PerSecond int
}

// DefaultHeartbeatsPerSecond is HeartbeatBudget.PerSecond's default.
const DefaultHeartbeatsPerSecond = 10

func (HeartbeatBudget) Name() string { return "HeartbeatBudget" }

// link is a directed pair of nodes.
type link struct{ from, to int }

// hbQueue holds the indices of the heartbeats on one link within the
// last second, oldest first, from head on.
type hbQueue struct {
	idx  []int
	head int
	over bool // reported, and not yet back within budget
}

func (c HeartbeatBudget) Check(h History) Result {
	if i := disorder(h); i >= 0 {
		return unknown(c.Name(), disorderReason(h, i))
	}
	budget := c.PerSecond
	if budget <= 0 {
		budget = DefaultHeartbeatsPerSecond
	}
	queues := map[link]*hbQueue{}
	rep := newReport(h)
	for i := range h.Events {
		e := &h.Events[i]
		if e.Type != Send || e.Msg.Kind != impl.KindHeartbeat {
			continue
		}
		l := link{e.Msg.From, e.Msg.To}
		q := queues[l]
		if q == nil {
			q = &hbQueue{}
			queues[l] = q
		}
		q.push(h.Events, i)
		switch n := len(q.idx) - q.head; {
		case n <= budget:
			q.over = false
		case !q.over:
			q.over = true
			if rep.room() {
				reportFlood(rep, h.Events, q, e.Msg.To, budget)
			}
		}
	}
	return rep.result(c.Name())
}

// push adds heartbeat i and drops those that left the window (t-1s, t].
func (q *hbQueue) push(events []Event, i int) {
	cutoff := events[i].At - time.Second
	for q.head < len(q.idx) && events[q.idx[q.head]].At <= cutoff {
		q.head++
	}
	// Reclaim the consumed prefix now and then: amortised O(1).
	if q.head > 64 && q.head*2 > len(q.idx) {
		q.idx = q.idx[:copy(q.idx, q.idx[q.head:])]
		q.head = 0
	}
	q.idx = append(q.idx, i)
}

// maxFloodEvidence bounds how many of the window's heartbeats go into the
// evidence; the summary has the full count.
const maxFloodEvidence = 32

func reportFlood(rep *report, events []Event, q *hbQueue, follower, budget int) {
	in := q.idx[q.head:]
	var senders []int
	var terms []uint64
	for _, j := range in {
		senders = append(senders, events[j].Msg.From)
		terms = append(terms, events[j].Msg.Term)
	}
	slices.Sort(senders)
	slices.Sort(terms)
	senders, terms = slices.Compact(senders), slices.Compact(terms)
	last := events[in[len(in)-1]].At
	evidence := in[max(0, len(in)-maxFloodEvidence):]
	rep.add(Violation{
		Summary: fmt.Sprintf("node %d was sent %d heartbeats in (%v, %v] by node(s) %s; the budget is %d per second",
			follower, len(in), last-time.Second, last, nodeSet(senders), budget),
		At:    last,
		Nodes: append([]int{follower}, senders...),
		Terms: terms,
	}, in[len(in)-1], append([]int{in[0]}, evidence...)...)
}

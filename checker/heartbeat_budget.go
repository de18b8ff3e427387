package checker

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// HeartbeatBudget checks a promise such as 6.5840's "heartbeat RPCs no more
// than ten times per second": in any window of one second, one leader sends
// one follower at most PerSecond heartbeats within one term.
//
// What counts, and why:
//   - Send events of KindHeartbeat that carry no entries. An AppendEntries
//     that replicates entries, or retries them after a rejection, is log
//     traffic, not a heartbeat.
//   - Per directed link and per term. A leader re-elected a few
//     milliseconds after its last term must send the new term's first
//     heartbeat at once (Raft §5.2), so two leaderships never share one
//     budget. A deposed leader that has not yet heard of the new term
//     heartbeats beside the new leader on the same link; two leaders of
//     one term are ElectionSafety's business.
//   - In the sender's own time. A skew fault that speeds a leader's clock
//     up 1.25x makes a 100 ms heartbeat arrive every 80 ms of real time;
//     the fault did that, so the window shrinks to 1 s divided by the
//     fastest rate the sender's clock ran at within the last second.
//
// PerSecond 0 promises nothing: the rate is measured and reported in
// Result.Measured, and never judged. Measured is filled in either way. One
// finding per link and term per burst: the count must fall back within
// budget before that link is reported again.
type HeartbeatBudget struct {
	// PerSecond is the promised budget; 0 means none.
	PerSecond int
}

// CourseHeartbeatsPerSecond is the 6.5840 budget, ten heartbeats a second.
const CourseHeartbeatsPerSecond = 10

func (HeartbeatBudget) Name() string { return "HeartbeatBudget" }

// link is a directed pair of nodes.
type link struct{ from, to int }

// beatKey is one leadership's traffic on one link.
type beatKey struct {
	link
	term uint64
}

// hbQueue holds the indices of one link's heartbeats of one term within the
// sender's last second, oldest first, from head on.
type hbQueue struct {
	idx  []int
	head int
	over bool // reported, and not yet back within budget
}

func (c HeartbeatBudget) Check(h History) Result {
	if i := disorder(h); i >= 0 {
		return unknown(c.Name(), disorderReason(h, i))
	}
	b := &budgetPass{budget: c.PerSecond, queues: map[beatKey]*hbQueue{}, busiest: map[link]int{},
		clocks: newClockRates(), rep: newReport(h), events: h.Events}
	for i := range h.Events {
		b.step(i)
	}
	res := b.rep.result(c.Name())
	res.Measured = b.measured()
	return res
}

// budgetPass is the state of one HeartbeatBudget pass.
type budgetPass struct {
	budget  int
	events  []Event
	queues  map[beatKey]*hbQueue
	busiest map[link]int // the most heartbeats of one term seen in one window
	clocks  *clockRates
	rep     *report
}

func (b *budgetPass) step(i int) {
	e := &b.events[i]
	switch {
	case e.Type == Topology:
		b.clocks.update(e.At, e.Net)
	case e.Type == Send && e.Msg.Kind == impl.KindHeartbeat && e.Msg.Entries == 0:
		b.beat(i)
	}
}

func (b *budgetPass) beat(i int) {
	e := &b.events[i]
	key := beatKey{link{e.Msg.From, e.Msg.To}, e.Msg.Term}
	q := b.queues[key]
	if q == nil {
		q = &hbQueue{}
		b.queues[key] = q
	}
	window := b.clocks.window(e.Msg.From, e.At)
	q.push(b.events, i, window)
	n := len(q.idx) - q.head
	b.busiest[key.link] = max(b.busiest[key.link], n)
	switch {
	case b.budget <= 0 || n <= b.budget:
		q.over = false
	case !q.over:
		q.over = true
		if b.rep.room() {
			b.reportFlood(q, key, window)
		}
	}
}

// push adds heartbeat i and drops those that left the window (t-w, t].
func (q *hbQueue) push(events []Event, i int, w time.Duration) {
	cutoff := events[i].At - w
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

func (b *budgetPass) reportFlood(q *hbQueue, key beatKey, window time.Duration) {
	in := q.idx[q.head:]
	last := b.events[in[len(in)-1]].At
	span := fmt.Sprintf("(%v, %v]", max(last-window, 0), last)
	if window != time.Second {
		span += fmt.Sprintf(" (one second of node %d's clock, which ran fast)", key.from)
	}
	evidence := in[max(0, len(in)-maxFloodEvidence):]
	b.rep.add(Violation{
		Summary: fmt.Sprintf("node %d, leader of term %d, sent node %d %d heartbeats in %s; it promised at most %d per second",
			key.from, key.term, key.to, len(in), span, b.budget),
		At:    last,
		Nodes: []int{key.to, key.from},
		Terms: []uint64{key.term},
	}, in[len(in)-1], append([]int{in[0]}, evidence...)...)
}

// maxMeasuredLinks bounds the links Measured names; the busiest come first.
const maxMeasuredLinks = 8

// measured describes the busiest links, heartbeats per second within one term.
func (b *budgetPass) measured() string {
	if len(b.busiest) == 0 {
		return "no heartbeats"
	}
	links := make([]link, 0, len(b.busiest))
	for l := range b.busiest {
		links = append(links, l)
	}
	slices.SortFunc(links, func(x, y link) int {
		if d := b.busiest[y] - b.busiest[x]; d != 0 {
			return d
		}
		if x.from != y.from {
			return x.from - y.from
		}
		return x.to - y.to
	})
	budget := "no budget declared"
	if b.budget > 0 {
		budget = fmt.Sprintf("budget %d", b.budget)
	}
	s := fmt.Sprintf("most heartbeats in one second of one term (%s):", budget)
	for _, l := range links[:min(len(links), maxMeasuredLinks)] {
		s += fmt.Sprintf(" %d->%d %d,", l.from, l.to, b.busiest[l])
	}
	if len(links) > maxMeasuredLinks {
		s += fmt.Sprintf(" and %d more links,", len(links)-maxMeasuredLinks)
	}
	return s[:len(s)-1]
}

// clockRates remembers how fast each node's clock ran, and since when.
type clockRates struct {
	changes map[int][]rateChange // per node, in time order
}

type rateChange struct {
	at   time.Duration
	rate float64
}

func newClockRates() *clockRates { return &clockRates{changes: map[int][]rateChange{}} }

// update records the rates a Topology event holds, where they changed.
func (c *clockRates) update(at time.Duration, net *Net) {
	var nodes int
	if net != nil {
		nodes = len(net.Rate)
	}
	for n := range c.changes {
		nodes = max(nodes, n+1)
	}
	for n := range nodes {
		rate := net.ClockRate(n)
		if ch := c.changes[n]; len(ch) == 0 && rate == 1 || len(ch) > 0 && ch[len(ch)-1].rate == rate {
			continue
		}
		c.changes[n] = append(c.changes[n], rateChange{at, rate})
	}
}

// window is one second of node's clock ending at t, measured at the fastest
// rate it ran at within the last real second.
func (c *clockRates) window(node int, t time.Duration) time.Duration {
	fastest := 1.0
	ch := c.changes[node]
	for i := len(ch) - 1; i >= 0; i-- {
		fastest = max(fastest, ch[i].rate)
		if ch[i].at <= t-time.Second {
			break // in force since before the window began
		}
	}
	return time.Duration(math.Round(float64(time.Second) / fastest))
}

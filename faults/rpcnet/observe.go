package rpcnet

import (
	"fmt"
	"runtime/pprof"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// observer receives a node's own reports of its status.
type observer struct {
	n    *Network
	node int
	inc  int
}

// Observe implements impl.Observer.
func (o observer) Observe(s impl.Status) {
	s.ID = o.node
	o.n.mu.Lock()
	if !o.n.current(o.node, o.inc) {
		o.n.mu.Unlock()
		return
	}
	m := o.n.members[o.node]
	m.observed, m.hasObserved = s, true
	m.reports++
	o.n.mu.Unlock()
	o.n.setStatus(o.node, o.inc, s)
}

// pollAll reads every running node's State every Poll, one node after
// another on one goroutine: a goroutine per node would double the wake-ups
// that virtual time costs. While it waits on a node it wears that node's
// poller label, so a watchdog that finds it blocked knows whose State is
// stuck. A State that blocks holds up the others' polls; the stuck check,
// on its own goroutine, reports it.
func (n *Network) pollAll() {
	defer close(n.pollDone)
	ticker := time.NewTicker(n.cfg.Poll)
	defer ticker.Stop()
	for {
		for i := range n.cfg.Nodes {
			n.pollNode(i)
		}
		select {
		case <-n.stopCh:
			return
		case <-ticker.C:
		}
	}
}

func (n *Network) pollNode(i int) {
	n.mu.Lock()
	m := n.members[i]
	if !m.live {
		n.mu.Unlock()
		return
	}
	node, inc, reports := m.node, m.incarnation, m.reports
	m.pollSince = n.Now()
	n.mu.Unlock()
	pprof.SetGoroutineLabels(n.pollerCtx[i])
	term, leader := n.callState(i, node)
	n.endPoll(i, inc)
	// If the node reported itself while State ran, the answer may predate
	// the report, and recording it after would show a term going back; the
	// next poll reads the state afresh.
	n.recordStatus(i, inc, n.merge(i, term, leader), func(m *member) bool { return m.reports == reports })
}

func (n *Network) callState(i int, node impl.Node) (term uint64, leader bool) {
	defer n.recoverPanic(i, "State")
	return node.State()
}

func (n *Network) endPoll(i, inc int) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.current(i, inc) {
		n.members[i].pollSince = -1
	}
}

// merge turns a polled (term, isLeader) into a Status, keeping what the node
// reported itself (its role as candidate, whom it follows, its vote) while
// that report agrees with the poll.
func (n *Network) merge(i int, term uint64, leader bool) impl.Status {
	n.mu.Lock()
	m := n.members[i]
	obs, has := m.observed, m.hasObserved
	n.mu.Unlock()
	if has && obs.Term == term && (obs.Role == impl.Leader) == leader {
		return obs
	}
	st := impl.Status{ID: i, Term: term, Role: impl.Follower, Leader: impl.None, VotedFor: impl.None}
	if leader {
		st.Role, st.Leader = impl.Leader, i
	}
	return st
}

// setStatus records incarnation inc of node i's status if it changed.
func (n *Network) setStatus(i, inc int, st impl.Status) {
	n.recordStatus(i, inc, st, func(*member) bool { return true })
}

// recordStatus records st if it changed and still holds by fresh. The
// tracer lock is held throughout, so that the history shows statuses in
// the order the member took them.
func (n *Network) recordStatus(i, inc int, st impl.Status, fresh func(m *member) bool) {
	n.traceMu.Lock()
	defer n.traceMu.Unlock()
	n.mu.Lock()
	m := n.members[i]
	if !n.current(i, inc) || m.status == st || !fresh(m) {
		n.mu.Unlock()
		return
	}
	m.status = st
	n.mu.Unlock()
	if n.cfg.Tracer != nil {
		n.cfg.Tracer.Status(n.Now(), st)
	}
}

// stuckLoop reports nodes whose State has not answered within StuckAfter.
// It looks ten times per StuckAfter: the report is late by a tenth at most.
func (n *Network) stuckLoop() {
	ticker := time.NewTicker(max(n.cfg.StuckAfter/10, n.cfg.Poll))
	defer ticker.Stop()
	for {
		select {
		case <-n.stopCh:
			return
		case <-ticker.C:
		}
		for i := range n.cfg.Nodes {
			if inc, late := n.lateState(i); late {
				n.stuck(i, fmt.Sprintf("State() has not returned for %v", n.cfg.StuckAfter), inc)
			}
		}
	}
}

func (n *Network) lateState(i int) (inc int, late bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	m := n.members[i]
	if !m.live || m.stuck || m.pollSince < 0 || n.Now()-m.pollSince < n.cfg.StuckAfter {
		return 0, false
	}
	m.stuck = true
	return m.incarnation, true
}

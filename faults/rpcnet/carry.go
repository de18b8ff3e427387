package rpcnet

import (
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// carry takes one leg of a call across the link from->to, applying the
// network's faults, and reports whether it arrived and whether it was
// duplicated. Like labrpc: a leg that meets a cut link or a down receiver
// is lost and the caller learns of it only after a random wait of up to
// DeadPeerTimeout; a leg a drop rule loses fails after its travel time. A
// link cut while the leg travels loses it too.
func (t *transport) carry(from, to int, m impl.Message) (dup, ok bool) {
	n := t.n
	n.mu.Lock()
	reachable, why := n.reachable(from, to)
	drop, dup, delay := n.applyRules(m)
	n.mu.Unlock()
	switch {
	case !reachable:
		n.traceMsg(faults.Dropped, m, why)
		t.waitDead()
		return false, false
	case drop:
		n.traceMsg(faults.Dropped, m, faults.WhyRule)
		t.sleep(delay)
		return false, false
	}
	if !t.sleep(delay) {
		n.traceMsg(faults.Dropped, m, faults.WhyStopped)
		return false, false
	}
	return dup, t.arrive(from, to, m)
}

// arrive hands the leg over at the far end, if the link and the receiver
// are still there, waiting out a pause of the receiver.
func (t *transport) arrive(from, to int, m impl.Message) bool {
	n := t.n
	n.mu.Lock()
	reachable, why := n.reachable(from, to)
	n.mu.Unlock()
	if !reachable {
		n.traceMsg(faults.Dropped, m, why)
		t.waitDead()
		return false
	}
	if ok, why := t.waitUnpaused(to); !ok {
		n.traceMsg(faults.Dropped, m, why)
		return false
	}
	n.traceMsg(faults.Delivered, m, "")
	return true
}

// reachable says whether a message from->to can get through now. Callers
// hold n.mu.
func (n *Network) reachable(from, to int) (bool, string) {
	switch {
	case n.links.Cut(from, to):
		return false, faults.WhyCut
	case !n.members[to].live:
		return false, faults.WhyCrashed
	}
	return true, ""
}

// applyRules draws this leg's fate by the one definition
// (faults.LinkState.Copies, then CopyDelay). A lost leg still takes a
// travel time before its caller learns of it. A duplicate is served with
// the first copy, on the first copy's delay. Callers hold n.mu.
func (n *Network) applyRules(m impl.Message) (drop, dup bool, delay time.Duration) {
	copies := n.links.Copies(m, n.netRand)
	return copies == 0, copies > 1, n.links.CopyDelay(m, n.cfg.Latency, n.netRand)
}

// waitDead is how long a caller waits to learn that a peer is unreachable.
func (t *transport) waitDead() {
	t.n.mu.Lock()
	d := time.Duration(t.n.netRand.Int64N(int64(t.n.cfg.DeadPeerTimeout)))
	t.n.mu.Unlock()
	t.sleep(d)
}

// sleep waits d unless the calling incarnation stops first; it reports
// whether the whole d passed.
func (t *transport) sleep(d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-t.done:
		return false
	}
}

// waitUnpaused waits while node i is paused, for at most DeadPeerTimeout
// (then the call has timed out), and unless the calling incarnation stops.
// It says why the message is lost when it is.
func (t *transport) waitUnpaused(i int) (ok bool, why string) {
	n := t.n
	n.mu.Lock()
	m := n.members[i]
	paused, resumed := m.paused, m.resumed
	n.mu.Unlock()
	if !paused {
		return true, ""
	}
	timer := time.NewTimer(n.cfg.DeadPeerTimeout)
	defer timer.Stop()
	select {
	case <-resumed:
		return true, ""
	case <-timer.C:
		return false, faults.WhyPaused
	case <-t.done:
		return false, faults.WhyStopped
	}
}

package rpcnet

import (
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// carry takes one leg of a call across the link from->to, applying the
// network's faults, and reports whether its first copy arrived. Like
// labrpc: a leg that meets a cut link or a down receiver is lost and the
// caller learns of it only after a random wait of up to DeadPeerTimeout; a
// leg a drop rule loses fails after a travel time. A link cut while the leg
// travels loses it too. Each further copy a duplicate rule makes travels on
// its own delay and, if it arrives, runs duplicate (nil: nothing more).
func (t *transport) carry(from, to int, m impl.Message, duplicate func()) bool {
	n := t.n
	n.mu.Lock()
	reachable, why := n.reachable(from, to)
	var delays []time.Duration
	if reachable {
		delays = n.fate(m)
	}
	n.mu.Unlock()
	switch {
	case !reachable:
		n.traceMsg(faults.Dropped, m, why)
		t.waitDead()
		return false
	case delays == nil:
		n.traceMsg(faults.Dropped, m, faults.WhyRule)
		t.sleep(t.travelTime())
		return false
	}
	for _, d := range delays[1:] {
		go t.copyArrives(from, to, m, d, duplicate)
	}
	if !t.sleep(delays[0]) {
		n.traceMsg(faults.Dropped, m, faults.WhyStopped)
		return false
	}
	return t.arrive(from, to, m)
}

// copyArrives carries one more copy of a leg, on its own delay.
func (t *transport) copyArrives(from, to int, m impl.Message, delay time.Duration, then func()) {
	if !t.sleep(delay) {
		t.n.traceMsg(faults.Dropped, m, faults.WhyStopped)
		return
	}
	if t.arrive(from, to, m) && then != nil {
		then()
	}
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

// fate draws the delays of m's copies by the one definition
// (faults.LinkState.Copies, then CopyDelay per copy), or nil when a drop
// rule loses it. Callers hold n.mu.
func (n *Network) fate(m impl.Message) []time.Duration {
	copies := n.links.Copies(m, n.netRand)
	if copies == 0 {
		return nil
	}
	delays := make([]time.Duration, copies)
	for i := range delays {
		delays[i] = n.links.CopyDelay(m, n.cfg.Latency, n.netRand)
	}
	return delays
}

// travelTime is how long a lost leg takes before its caller learns of it.
func (t *transport) travelTime() time.Duration {
	t.n.mu.Lock()
	defer t.n.mu.Unlock()
	return t.n.cfg.Latency.Sample(t.n.netRand)
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

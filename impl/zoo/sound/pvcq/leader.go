package pvcq

import "github.com/ballot-go/ballot/impl"

// lead takes over the current term and asserts it at once.
func (e *election) lead() {
	e.role, e.leader = impl.Leader, e.id
	e.sinceBeat = 0
	e.openWindow()
	e.broadcast(impl.KindHeartbeat, e.term)
}

// closeWindow ends a CheckQuorum window (§6.2) and reports whether this
// node still leads: one that has not heard from a majority for a whole
// election timeout is probably cut off, and steps down so that it stops
// claiming a lead the others may already have given to someone else.
func (e *election) closeWindow() bool {
	if !e.majority(len(e.heard)) {
		e.log.Info("stepping down: no majority heard within an election timeout", "term", e.term)
		e.role, e.leader = impl.Follower, impl.None
		e.rearm()
		return false
	}
	e.openWindow()
	return true
}

func (e *election) openWindow() {
	e.sinceWindow = 0
	clear(e.heard)
	e.heard[e.id] = true
}

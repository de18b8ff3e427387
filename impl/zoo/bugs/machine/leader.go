package machine

import "github.com/ballot-go/ballot/impl"

// lead takes office and asserts it at once. Every peer starts heard from:
// the new leader owes each one a full SilentTicks before it gives up on it.
func (n *node) lead() {
	n.role, n.leader, n.elections, n.votes = impl.Leader, n.id, 0, nil
	for _, p := range n.peers {
		n.heard[p] = n.now
	}
	n.log.Debug("lead", "term", n.term)
	n.heartbeat()
}

// heartbeat sends one round and schedules the next. While the leader hears
// a majority it skips the peers it has not heard from in SilentTicks: they
// are presumed down, and one that comes back makes itself heard by
// campaigning. A leader that hears no majority sends to everyone.
func (n *node) heartbeat() {
	n.nextBeat = n.now + n.v.HeartbeatTicks
	skipSilent := n.hearsMajority()
	for _, p := range n.peers {
		if skipSilent && n.silent(p) {
			continue
		}
		n.send(p, impl.KindHeartbeat, false)
	}
}

// silent reports whether peer p has been quiet for SilentTicks.
func (n *node) silent(p int) bool {
	return n.now-n.heard[p] >= SilentTicks
}

// hearsMajority reports whether the node, with the peers that are not
// silent, makes a majority.
func (n *node) hearsMajority() bool {
	heard := 1 // itself
	for _, p := range n.peers {
		if !n.silent(p) {
			heard++
		}
	}
	return heard > n.size/2
}

// onHeartbeat follows the leader of the node's term or a newer one, and
// answers in any case: a deposed leader learns the newer term from the
// reply.
func (n *node) onHeartbeat(m impl.Message) {
	if m.Term >= n.term {
		n.adopt(m.Term)
		n.follow(m.From) // a candidate of the same term steps down too
	}
	n.send(m.From, impl.KindHeartbeatReply, false)
}

package machine

import "github.com/ballot-go/ballot/impl"

// Tick implements impl.Machine: the leader's heartbeat clock, or everyone
// else's election timer.
func (n *node) Tick() {
	n.now++
	switch {
	case n.role == impl.Leader:
		if n.now >= n.nextBeat {
			n.heartbeat()
		}
	case n.now >= n.deadline:
		n.onTimeout()
	}
}

// Step implements impl.Machine. A message from outside the cluster, or of
// a kind this election does not use, is ignored.
func (n *node) Step(m impl.Message) {
	if m.To != n.id || !n.isPeer(m.From) {
		return
	}
	n.heard[m.From] = n.now
	switch m.Kind {
	case impl.KindVoteRequest:
		n.onVoteRequest(m)
	case impl.KindVoteReply:
		n.onVoteReply(m)
	case impl.KindHeartbeat:
		n.onHeartbeat(m)
	case impl.KindHeartbeatReply:
		n.onReplyTerm(m.Term)
	}
}

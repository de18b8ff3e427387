package pvcq

import (
	"slices"

	"github.com/ballot-go/ballot/impl"
)

// Step implements impl.Machine. Pre-votes are handled apart because their
// Term is a proposal, not the sender's term; every other message first
// goes through the term rules of §5.1.
func (e *election) Step(m impl.Message) {
	if !e.accepts(m) {
		return
	}
	switch m.Kind {
	case impl.KindPreVoteRequest:
		e.answerPreVote(m)
		return
	case impl.KindPreVoteReply:
		e.countPreVote(m)
		return
	}
	if m.Term > e.term {
		e.adopt(m.Term)
	}
	if m.Term < e.term {
		e.rebuff(m)
		return
	}
	if e.role == impl.Leader {
		e.heard[m.From] = true // any message of this term shows the peer can reach us
	}
	switch m.Kind {
	case impl.KindVoteRequest:
		e.answerVote(m)
	case impl.KindVoteReply:
		e.countVote(m)
	case impl.KindHeartbeat:
		e.follow(m.From)
		e.reply(m, impl.KindHeartbeatReply, e.term, false)
	}
}

// accepts drops what the network may bring but this machine never sends:
// messages for another node, from a stranger or itself, of another kind.
func (e *election) accepts(m impl.Message) bool {
	switch m.Kind {
	case impl.KindPreVoteRequest, impl.KindPreVoteReply, impl.KindVoteRequest,
		impl.KindVoteReply, impl.KindHeartbeat, impl.KindHeartbeatReply:
	default:
		return false
	}
	return m.To == e.id && slices.Contains(e.others, m.From)
}

// adopt moves to a newer term as a follower with no vote and no known
// leader, and persists that before anything is answered in it.
func (e *election) adopt(term uint64) {
	if e.role == impl.Leader {
		e.rearm() // its clocks were a leader's
	}
	e.term, e.vote = term, impl.None
	e.role, e.leader = impl.Follower, impl.None
	e.persist()
}

// rebuff answers a request from an older term with the current one, so a
// deposed leader or a late candidate catches up; stale replies are dropped.
func (e *election) rebuff(m impl.Message) {
	switch m.Kind {
	case impl.KindVoteRequest:
		e.reply(m, impl.KindVoteReply, e.term, false)
	case impl.KindHeartbeat:
		e.reply(m, impl.KindHeartbeatReply, e.term, false)
	}
}

// follow accepts from as the leader of the current term.
func (e *election) follow(from int) {
	if e.role == impl.Leader {
		// Two leaders in one term: election safety is broken somewhere.
		// Keep the evidence for the checkers rather than hide it.
		e.log.Error("heartbeat from another leader of my term", "from", from, "term", e.term)
		return
	}
	if e.role != impl.Follower {
		e.rearm() // a campaign of this term lost (§5.2): wait afresh
	}
	e.role, e.leader = impl.Follower, from
	e.idle, e.silence = 0, 0
}

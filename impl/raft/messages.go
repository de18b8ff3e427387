package raft

import "github.com/ballot-go/ballot/impl"

// Message bodies. The machine decides from the envelope alone (Term, Kind,
// Granted), so a body is only a label for people reading a trace; they carry
// no log fields because this Raft elects and nothing more. Bodies are values
// and never mutated, so the framework may deliver one message twice.

// VoteRequest is RequestVote (Figure 2), sent with Kind KindVoteRequest and
// the candidate's term.
type VoteRequest struct{}

// VoteReply answers a VoteRequest, with Kind KindVoteReply. Its Term is the
// voter's term; Granted in the envelope says whether the vote was given.
type VoteReply struct{}

// Heartbeat is an empty AppendEntries, with Kind KindHeartbeat and the
// leader's term.
type Heartbeat struct{}

// HeartbeatReply answers a Heartbeat, with Kind KindHeartbeatReply and the
// follower's term. Success is false when the heartbeat's term was stale,
// which the envelope's higher Term already tells the old leader.
type HeartbeatReply struct {
	Success bool
}

// PreVoteRequest asks whether the sender could win an election (thesis
// §9.6), with Kind KindPreVoteRequest. Its Term is the term the sender would
// campaign in, one more than its own; nobody adopts that term.
type PreVoteRequest struct{}

// PreVoteReply answers a PreVoteRequest, with Kind KindPreVoteReply. As in
// etcd/raft, its Term is the request's term when granted, so the
// pre-candidate can match replies to its campaign, and the voter's own term
// when refused. Neither changes anybody's term.
type PreVoteReply struct{}

// send queues msg from this machine. The outbox is sized for a broadcast, as
// most messages go out in one.
func (m *Machine) send(msg impl.Message) {
	if m.msgs == nil {
		m.msgs = make([]impl.Message, 0, len(m.peers))
	}
	msg.From = m.id
	m.msgs = append(m.msgs, msg)
}

// broadcast sends one message per peer, self excluded.
func (m *Machine) broadcast(kind impl.Kind, term uint64, body any) {
	for i, p := range m.peers {
		if i != m.self {
			m.send(impl.Message{To: p, Term: term, Kind: kind, Body: body})
		}
	}
}

func (m *Machine) reply(to impl.Message, kind impl.Kind, term uint64, granted bool, body any) {
	m.send(impl.Message{To: to.From, Term: term, Kind: kind, Granted: granted, Body: body})
}

// known reports whether kind is one this package sends; anything else is
// dropped unread.
func known(kind impl.Kind) bool {
	switch kind {
	case impl.KindVoteRequest, impl.KindVoteReply, impl.KindHeartbeat, impl.KindHeartbeatReply,
		impl.KindPreVoteRequest, impl.KindPreVoteReply:
		return true
	}
	return false
}

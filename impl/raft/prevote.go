package raft

import "github.com/ballot-go/ballot/impl"

// becomePreCandidate asks whether an election in the next term could be
// won, without changing term or vote (thesis §9.6), so that a server which
// cannot win does not force the others into a new term.
func (m *Machine) becomePreCandidate() {
	if m.role == impl.Leader {
		panic("raft: invalid transition leader -> pre-candidate")
	}
	m.step = stepPreCandidate
	m.tick = (*Machine).tickElection
	m.reset(m.term)
	m.role = impl.PreCandidate
	m.votes.reset(m.self)
	m.logTransition("became pre-candidate")
	m.broadcast(impl.KindPreVoteRequest, m.term+1, PreVoteRequest{})
	if m.votes.quorum() { // a cluster of one
		m.becomeCandidate()
	}
}

func stepPreCandidate(m *Machine, msg impl.Message, from int) {
	switch msg.Kind {
	case impl.KindHeartbeat:
		m.becomeFollower(m.term, msg.From)
		m.handleHeartbeat(msg)
	case impl.KindPreVoteReply:
		// A granted reply carries the term of the campaign it grants.
		if msg.Granted && msg.Term == m.term+1 {
			m.votes.add(from)
			if m.votes.quorum() {
				m.becomeCandidate()
			}
		}
	}
}

// handlePreVoteRequest grants a pre-vote to a sender that would campaign in
// a later term, unless a leader was heard from within the minimum election
// timeout: then the sender is the one cut off, and the cluster is fine. It
// changes neither term nor vote, whatever the answer.
func (m *Machine) handlePreVoteRequest(msg impl.Message) {
	if msg.Term > m.term && !m.inLease() {
		m.reply(msg, impl.KindPreVoteReply, msg.Term, true, PreVoteReply{})
		return
	}
	m.reply(msg, impl.KindPreVoteReply, m.term, false, PreVoteReply{})
}

package raft

import "github.com/ballot-go/ballot/impl"

// becomeCandidate starts an election in the next term, voting for itself
// (§5.2). Term and vote reach storage before the requests go out.
func (m *Machine) becomeCandidate() {
	if m.role == impl.Leader {
		panic("raft: invalid transition leader -> candidate")
	}
	m.step = stepCandidate
	m.tick = (*Machine).tickElection
	m.reset(m.term + 1)
	m.vote = m.id
	m.persist()
	m.role = impl.Candidate
	m.votes.reset(m.self)
	m.logTransition("became candidate")
	m.broadcast(impl.KindVoteRequest, m.term, VoteRequest{})
	if m.votes.quorum() { // a cluster of one
		m.becomeLeader()
	}
}

func stepCandidate(m *Machine, msg impl.Message, from int) {
	switch msg.Kind {
	case impl.KindHeartbeat:
		// Someone else won this term (§5.2).
		m.becomeFollower(m.term, msg.From)
		m.handleHeartbeat(msg)
	case impl.KindVoteReply:
		// Step already dropped replies from older terms, so only this
		// campaign's votes are counted, each voter once.
		if msg.Granted {
			m.votes.add(from)
			if m.votes.quorum() {
				m.becomeLeader()
			}
		}
	}
}

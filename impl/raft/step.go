package raft

import "github.com/ballot-go/ballot/impl"

// Step implements impl.Machine. It does what every role does with terms
// (§5.1) and votes (§5.2), then hands the message to the role's step.
func (m *Machine) Step(msg impl.Message) {
	from := m.indexOf(msg.From)
	if msg.To != m.id || from < 0 || from == m.self || !known(msg.Kind) {
		return
	}
	switch {
	case msg.Kind == impl.KindPreVoteRequest:
		// Pre-votes live outside the term rules: they never change a term.
		m.handlePreVoteRequest(msg)
		return
	case msg.Kind == impl.KindPreVoteReply:
		m.step(m, msg, from)
		return
	case msg.Term > m.term:
		if !m.stepUp(msg) {
			return
		}
	case msg.Term < m.term:
		m.answerStale(msg)
		return
	}
	if m.role == impl.Leader {
		m.active.add(from)
	}
	if msg.Kind == impl.KindVoteRequest {
		m.handleVoteRequest(msg)
		return
	}
	m.step(m, msg, from)
}

// stepUp adopts the higher term of msg as a follower (§5.1) and reports
// whether msg should still be handled.
func (m *Machine) stepUp(msg impl.Message) bool {
	if msg.Kind == impl.KindVoteRequest && m.cfg.CheckQuorum && m.inLease() {
		// A leader we heard from recently is alive; this candidate is most
		// likely back from a partition, and obeying it would depose that
		// leader for nothing (thesis §4.2.3).
		return false
	}
	lead := impl.None
	if msg.Kind == impl.KindHeartbeat {
		lead = msg.From
	}
	m.becomeFollower(msg.Term, lead)
	return true
}

// answerStale tells a sender from an older term about the current one, so a
// deposed leader or a late candidate steps down; other stale messages are
// dropped.
func (m *Machine) answerStale(msg impl.Message) {
	switch msg.Kind {
	case impl.KindHeartbeat:
		m.reply(msg, impl.KindHeartbeatReply, m.term, false, HeartbeatReply{Success: false})
	case impl.KindVoteRequest:
		m.reply(msg, impl.KindVoteReply, m.term, false, VoteReply{})
	}
}

// handleVoteRequest decides a vote in the current term: first come, first
// served, at most one candidate per term (§5.2). With no log, every
// candidate is up to date (§5.4.1).
func (m *Machine) handleVoteRequest(msg impl.Message) {
	if m.vote != impl.None && m.vote != msg.From {
		m.reply(msg, impl.KindVoteReply, m.term, false, VoteReply{})
		return
	}
	m.vote = msg.From
	m.persist()
	// Granting a vote counts as hearing from the cluster (Figure 2), so
	// this server does not start a rival election right away.
	m.resetElectionTimer()
	m.reply(msg, impl.KindVoteReply, m.term, true, VoteReply{})
}

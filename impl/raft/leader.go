package raft

import "github.com/ballot-go/ballot/impl"

// becomeLeader takes over the current term and asserts it at once with a
// heartbeat to everyone, before anybody else's timer fires (§5.2).
func (m *Machine) becomeLeader() {
	if m.role != impl.Candidate {
		panic("raft: invalid transition " + m.role.String() + " -> leader")
	}
	m.step = stepLeader
	m.tick = (*Machine).tickHeartbeat
	m.reset(m.term)
	m.lead = m.id
	m.role = impl.Leader
	m.active.reset(m.self)
	m.logTransition("became leader")
	m.broadcast(impl.KindHeartbeat, m.term, Heartbeat{})
}

// stepLeader has nothing to do: Step already counted the sender for
// CheckQuorum and refused votes, and a heartbeat reply in the leader's own
// term carries no news for an election without a log.
func stepLeader(m *Machine, msg impl.Message, _ int) {
	if msg.Kind == impl.KindHeartbeat && m.logger.IsWarn() {
		// Two leaders in one term: a peer broke election safety. Leave it to
		// the checkers; a panic here would hide the evidence.
		m.logger.Warn("heartbeat from another leader of my term", "from", msg.From, "term", m.term)
	}
}

func (m *Machine) tickHeartbeat() {
	m.heartbeatElapsed++
	m.electionElapsed++
	if m.electionElapsed >= m.cfg.ElectionTicks {
		m.electionElapsed = 0
		if m.cfg.CheckQuorum && !m.checkQuorum() {
			return
		}
	}
	if m.heartbeatElapsed >= m.cfg.HeartbeatTicks {
		m.heartbeatElapsed = 0
		m.broadcast(impl.KindHeartbeat, m.term, Heartbeat{})
	}
}

// checkQuorum ends a CheckQuorum window: a leader that a majority has not
// answered is probably cut off, and should stop claiming the lead while the
// others elect someone else. It reports whether this server still leads.
func (m *Machine) checkQuorum() bool {
	if !m.active.quorum() {
		m.logger.Info("stepping down: no quorum heard within an election timeout")
		m.becomeFollower(m.term, impl.None)
		return false
	}
	m.active.reset(m.self)
	return true
}

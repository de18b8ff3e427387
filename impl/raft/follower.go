package raft

import "github.com/ballot-go/ballot/impl"

// becomeFollower moves to term, persisting a new term before anything is
// sent in it. lead is the leader of term if the caller knows it.
func (m *Machine) becomeFollower(term uint64, lead int) {
	m.step = stepFollower
	m.tick = (*Machine).tickElection
	m.reset(term)
	m.persist()
	m.lead = lead
	m.role = impl.Follower
	m.logTransition("became follower")
}

func stepFollower(m *Machine, msg impl.Message, _ int) {
	if msg.Kind == impl.KindHeartbeat {
		m.handleHeartbeat(msg)
	}
}

// handleHeartbeat accepts msg.From as the leader of the current term and
// holds off this server's own election.
func (m *Machine) handleHeartbeat(msg impl.Message) {
	m.lead = msg.From
	m.resetElectionTimer()
	m.reply(msg, impl.KindHeartbeatReply, m.term, false, HeartbeatReply{Success: true})
}

// tickElection is the clock of every role but leader: when nobody has been
// heard from for a whole timeout, try to become leader (§5.2). This is the
// simulator's hottest path; keep it free of allocation.
func (m *Machine) tickElection() {
	m.electionElapsed++
	if m.electionElapsed >= m.randomizedTimeout {
		m.campaign()
	}
}

// campaign starts an election, behind a pre-vote when configured.
func (m *Machine) campaign() {
	if m.cfg.PreVote {
		m.becomePreCandidate()
		return
	}
	m.becomeCandidate()
}

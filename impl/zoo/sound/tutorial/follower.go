package tutorial

import "time"

// becomeFollower makes the module a follower of term and starts its
// election timer. Expects cm.mu to be locked.
func (cm *ConsensusModule) becomeFollower(term int) {
	cm.dlog("following", "term", term)
	// Clearing votedFor unconditionally would be a bug. A candidate that learns of
	// this term's leader has already voted for itself in this term, and
	// forgetting that would let it vote a second time.
	if term > cm.currentTerm {
		cm.currentTerm = term
		cm.votedFor = -1
		cm.leaderId = -1
	}
	cm.state = Follower
	cm.electionResetEvent = time.Now()
	cm.report()

	go cm.runElectionTimer()
}

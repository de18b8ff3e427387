package tutorial

import "time"

// startElection starts a new election with this module as a candidate
// (§5.2). Expects cm.mu to be locked.
func (cm *ConsensusModule) startElection() {
	cm.state = Candidate
	cm.currentTerm += 1
	savedCurrentTerm := cm.currentTerm
	cm.electionResetEvent = time.Now()
	cm.votedFor = cm.id
	cm.leaderId = -1
	cm.report()
	cm.dlog("campaigning", "term", cm.currentTerm)

	votesReceived := 1
	for _, peerId := range cm.peerIds {
		go cm.askForVote(peerId, savedCurrentTerm, &votesReceived)
	}
	if cm.wonElection(votesReceived) { // a cluster of one
		cm.startLeader()
		return
	}
	// Run another election timer, in case this election is not successful.
	go cm.runElectionTimer()
}

// askForVote sends one RequestVote and counts the answer. votesReceived
// belongs to the campaign of savedCurrentTerm and is guarded by cm.mu.
func (cm *ConsensusModule) askForVote(peerId, savedCurrentTerm int, votesReceived *int) {
	args := RequestVoteArgs{Term: savedCurrentTerm, CandidateId: cm.id}
	var reply RequestVoteReply
	cm.dlog("asking for a vote", "to", peerId, "args", args)
	if !cm.call(peerId, "RequestVote", args, &reply) {
		return
	}
	cm.mu.Lock()
	defer cm.mu.Unlock()
	cm.dlog("vote answer", "from", peerId, "reply", reply)

	if cm.state == Dead {
		return
	}
	if reply.Term > cm.currentTerm {
		cm.dlog("a voter is ahead: stepping down", "term", reply.Term)
		cm.becomeFollower(reply.Term)
		return
	}
	// Checking only the state here is not enough. This campaign may be over and
	// another one in a later term under way: a vote for this one must not
	// count towards that one.
	if cm.state != Candidate || cm.currentTerm != savedCurrentTerm {
		return
	}
	if reply.Term == savedCurrentTerm && reply.VoteGranted {
		*votesReceived += 1
		if cm.wonElection(*votesReceived) {
			cm.dlog("won the vote", "votes", *votesReceived)
			cm.startLeader()
		}
	}
}

// wonElection reports whether votes, this module's own included, are a
// majority of the cluster.
func (cm *ConsensusModule) wonElection(votes int) bool {
	return votes*2 > len(cm.peerIds)+1
}

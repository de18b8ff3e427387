package lab2024

// convertToFollower moves to a higher term, with no vote cast in it yet.
// The caller persists. Call with rf.mu held.
func (rf *Raft) convertToFollower(term int) {
	if rf.state == Leader {
		// The timer stood still while we led; give the new leader a full
		// timeout to reach us before we campaign.
		rf.resetElectionTimer()
	}
	rf.currentTerm = term
	rf.votedFor = -1
	rf.state = Follower
}

// startElection becomes a candidate of the next term and asks every peer
// for its vote, each in a goroutine of its own. Call with rf.mu held.
func (rf *Raft) startElection() {
	rf.currentTerm++
	rf.state = Candidate
	rf.votedFor = rf.me
	rf.votes = 1
	rf.resetElectionTimer() // a split vote ends with the next timeout
	// The vote for ourselves must survive a crash before anyone hears of
	// this term: a restarted peer must not vote again in it.
	rf.persist()

	if rf.votes > len(rf.peers)/2 { // a cluster of one
		rf.becomeLeader()
		return
	}
	args := RequestVoteArgs{Term: rf.currentTerm, CandidateId: rf.me}
	for server := range rf.peers {
		if server != rf.me {
			go rf.askForVote(server, args)
		}
	}
}

// askForVote sends one RequestVote and counts the answer. args is a copy
// of its own, so no goroutine shares it.
func (rf *Raft) askForVote(server int, args RequestVoteArgs) {
	reply := RequestVoteReply{}
	if !rf.sendRequestVote(server, &args, &reply) {
		return // lost: the next election asks again
	}
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.killed() {
		return // a dead peer takes no office
	}
	rf.countVote(&args, &reply)
}

// countVote handles one answer to args. Call with rf.mu held.
//
// A reply's term matters only when it is above ours: someone has moved on,
// and we step down. A lower reply term is the voter's term from before it
// adopted ours (see RequestVote) and changes nothing. Which election a
// grant belongs to is told by args.Term, the term we asked in: it counts
// only while we are still that election's candidate.
func (rf *Raft) countVote(args *RequestVoteArgs, reply *RequestVoteReply) {
	if reply.Term > rf.currentTerm {
		rf.convertToFollower(reply.Term)
		rf.persist()
		return
	}
	if !reply.VoteGranted || rf.state != Candidate || rf.currentTerm != args.Term {
		return
	}
	rf.votes++
	if rf.votes > len(rf.peers)/2 {
		rf.becomeLeader()
	}
}

// becomeLeader takes office and heartbeats at once, before any follower's
// timer runs out. Call with rf.mu held.
func (rf *Raft) becomeLeader() {
	rf.state = Leader
	rf.broadcastHeartbeat()
}

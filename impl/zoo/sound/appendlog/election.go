package appendlog

// becomeFollower adopts a higher term with no vote in it. The caller
// persists. Call with rf.mu held.
func (rf *Raft) becomeFollower(term int) {
	if rf.role == leader {
		signal(rf.heard) // give the new leader a full timeout to reach us
	}
	rf.currentTerm = term
	rf.votedFor = -1
	rf.role = follower
}

// campaign becomes a candidate of the next term, saves its own vote before
// asking anyone (so a restart cannot vote twice in the term), and asks
// every peer, each in a goroutine of its own. Call with rf.mu held.
func (rf *Raft) campaign() {
	rf.currentTerm++
	rf.role = candidate
	rf.votedFor = rf.me
	rf.votes = 1
	rf.persist()
	if rf.votes > len(rf.peers)/2 { // a cluster of one
		rf.becomeLeader()
		return
	}
	args := RequestVoteArgs{
		Term:         rf.currentTerm,
		CandidateId:  rf.me,
		LastLogIndex: rf.lastIndex(),
		LastLogTerm:  rf.lastTerm(),
	}
	for peer := range rf.peers {
		if peer != rf.me {
			go rf.solicit(peer, args)
		}
	}
}

// solicit asks one peer for its vote and counts the answer, if it is for
// the election still running.
func (rf *Raft) solicit(peer int, args RequestVoteArgs) {
	var reply RequestVoteReply
	if !rf.peers[peer].Call("Raft.RequestVote", &args, &reply) {
		return
	}
	rf.mu.Lock()
	defer rf.mu.Unlock()
	switch {
	case rf.killed():
		// a dead peer takes no part
	case reply.Term > rf.currentTerm:
		rf.becomeFollower(reply.Term)
		rf.persist()
	case reply.VoteGranted && rf.role == candidate && rf.currentTerm == args.Term:
		rf.votes++
		if rf.votes > len(rf.peers)/2 {
			rf.becomeLeader()
		}
	}
}

// becomeLeader takes office: every follower is assumed up to date until it
// says otherwise, and a no-op of the new term goes at the end of the log.
// The no-op lets this leader commit entries of earlier terms (§5.4.2, §8)
// and, here, gives every election an entry to replicate. run sends the
// first heartbeat round at once. Call with rf.mu held.
func (rf *Raft) becomeLeader() {
	rf.role = leader
	for peer := range rf.peers {
		rf.nextIndex[peer] = rf.lastIndex() + 1
		rf.matchIndex[peer] = 0
	}
	rf.appendOwn(nil)
	signal(rf.elected)
}

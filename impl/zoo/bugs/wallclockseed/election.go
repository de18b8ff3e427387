package wallclockseed

// RequestVoteArgs is the RequestVote RPC's arguments. Lab 3A has no log, so
// no candidate's log is ever behind.
type RequestVoteArgs struct {
	Term        int
	CandidateId int
}

// RequestVoteReply is the RequestVote RPC's reply.
type RequestVoteReply struct {
	Term        int
	VoteGranted bool
}

// RequestVote grants one vote per term, first come first served.
func (rf *Raft) RequestVote(args *RequestVoteArgs, reply *RequestVoteReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if args.Term > rf.currentTerm {
		rf.becomeFollower(args.Term)
	}
	reply.Term = rf.currentTerm
	if args.Term == rf.currentTerm && (rf.votedFor == -1 || rf.votedFor == args.CandidateId) {
		if rf.votedFor != args.CandidateId {
			rf.votedFor = args.CandidateId
			rf.persist()
		}
		reply.VoteGranted = true
		rf.resetElectionTimer()
	}
}

// startElection becomes a candidate of the next term and asks every peer in
// parallel. Call with rf.mu held.
func (rf *Raft) startElection() {
	rf.state = candidate
	rf.currentTerm++
	rf.votedFor = rf.me
	rf.persist()
	rf.resetElectionTimer()
	args := RequestVoteArgs{Term: rf.currentTerm, CandidateId: rf.me}
	votes := 1
	if votes > len(rf.peers)/2 {
		rf.becomeLeader() // a cluster of one
		return
	}
	for i := range rf.peers {
		if i == rf.me {
			continue
		}
		go func(server int) {
			a := args
			var reply RequestVoteReply
			if !rf.peers[server].Call("Raft.RequestVote", &a, &reply) {
				return
			}
			rf.mu.Lock()
			defer rf.mu.Unlock()
			if rf.killed() {
				return
			}
			if reply.Term > rf.currentTerm {
				rf.becomeFollower(reply.Term)
				return
			}
			// Only votes for the election still running count.
			if rf.state != candidate || rf.currentTerm != a.Term || !reply.VoteGranted {
				return
			}
			votes++
			if votes > len(rf.peers)/2 {
				rf.becomeLeader()
			}
		}(i)
	}
}

// becomeLeader takes office and asserts it at once. Call with rf.mu held.
func (rf *Raft) becomeLeader() {
	rf.state = leader
	rf.broadcastHeartbeats()
}

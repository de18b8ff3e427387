package lab2024

// RequestVoteArgs is the RequestVote RPC's arguments (Figure 2).
type RequestVoteArgs struct {
	Term         int
	CandidateId  int
	LastLogIndex int
	LastLogTerm  int
}

// RequestVoteReply is the RequestVote RPC's reply (Figure 2).
type RequestVoteReply struct {
	Term        int
	VoteGranted bool
}

// RequestVote is the RequestVote RPC handler.
//
// reply.Term is filled in first, with the term this server had when the
// request arrived, and only then does it adopt a higher term from the
// request: a habit of many labs. A granted vote then says "term 4" while it
// is a vote in term 5. That is harmless: the vote itself is recorded for
// args.Term, and the candidate reads the grant against the term it asked
// in (see countVote).
func (rf *Raft) RequestVote(args *RequestVoteArgs, reply *RequestVoteReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()

	reply.Term = rf.currentTerm
	reply.VoteGranted = false
	if args.Term < rf.currentTerm {
		return // a stale candidate: it learns our term from the reply
	}
	if args.Term > rf.currentTerm {
		rf.convertToFollower(args.Term)
	}
	if (rf.votedFor == -1 || rf.votedFor == args.CandidateId) &&
		rf.candidateUpToDate(args.LastLogIndex, args.LastLogTerm) {
		rf.votedFor = args.CandidateId
		reply.VoteGranted = true
		// Granting a vote holds off our own candidacy (Figure 2, Followers).
		rf.resetElectionTimer()
	}
	// The term, the vote or both may have changed. Saving both every time
	// is simpler than tracking which, and it happens before the reply
	// leaves, as Figure 2 requires.
	rf.persist()
}

// candidateUpToDate is §5.4.1's check that the candidate's log is at least
// as up to date as ours. Lab 3A keeps no log: ours is always empty (last
// index 0, term 0), so every candidate passes; the comparison is written
// out for when Lab 3B adds the log.
func (rf *Raft) candidateUpToDate(lastLogIndex, lastLogTerm int) bool {
	myLastIndex, myLastTerm := 0, 0
	if lastLogTerm != myLastTerm {
		return lastLogTerm > myLastTerm
	}
	return lastLogIndex >= myLastIndex
}

// sendRequestVote is the skeleton's wrapper around Call. It returns false
// when the request or its reply was lost; Call may take a while to say so,
// so never call it with rf.mu held.
func (rf *Raft) sendRequestVote(server int, args *RequestVoteArgs, reply *RequestVoteReply) bool {
	ok := rf.peers[server].Call("Raft.RequestVote", args, reply)
	return ok
}

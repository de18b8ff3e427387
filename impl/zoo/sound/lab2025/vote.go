package lab2025

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

// RequestVote is the RequestVote RPC handler. A higher term is adopted
// first, so the reply always carries the term the vote is for.
func (rf *Raft) RequestVote(args *RequestVoteArgs, reply *RequestVoteReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	defer rf.persistIfChanged(rf.hardState()) // before the reply leaves

	if args.Term > rf.currentTerm {
		rf.stepDown(args.Term)
	}
	reply.Term = rf.currentTerm
	reply.VoteGranted = rf.mayVoteFor(args)
	if reply.VoteGranted {
		rf.votedFor = args.CandidateId
		rf.resetElectionDeadline() // a vote given holds off our own candidacy
	}
}

// mayVoteFor applies Figure 2's RequestVote rules: the candidate's term is
// ours, we have not voted for anyone else in it, and its log is at least as
// up to date as ours (§5.4.1). Lab 3A keeps no log, so ours is always the
// empty log (last index 0, term 0) and any candidate's is as up to date.
// Call with rf.mu held.
func (rf *Raft) mayVoteFor(args *RequestVoteArgs) bool {
	if args.Term != rf.currentTerm {
		return false
	}
	if rf.votedFor != -1 && rf.votedFor != args.CandidateId {
		return false
	}
	const lastIndex, lastTerm = 0, 0
	return args.LastLogTerm > lastTerm ||
		(args.LastLogTerm == lastTerm && args.LastLogIndex >= lastIndex)
}

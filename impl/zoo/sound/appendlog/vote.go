package appendlog

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

// RequestVote is the RequestVote RPC handler (Figure 2). A candidate whose
// log is behind ours learns our term but gets no vote, however high its
// own term: only an up-to-date candidate may lead (§5.4.1).
func (rf *Raft) RequestVote(args *RequestVoteArgs, reply *RequestVoteReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()

	changed := false
	if args.Term > rf.currentTerm {
		rf.becomeFollower(args.Term)
		changed = true
	}
	reply.Term = rf.currentTerm
	if args.Term == rf.currentTerm &&
		(rf.votedFor == -1 || rf.votedFor == args.CandidateId) &&
		rf.upToDate(args.LastLogIndex, args.LastLogTerm) {
		rf.votedFor = args.CandidateId
		changed = true
		reply.VoteGranted = true
		signal(rf.heard) // a vote given holds off our own candidacy
	}
	if changed {
		rf.persist() // before the reply leaves
	}
}

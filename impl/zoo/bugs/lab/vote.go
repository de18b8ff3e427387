package lab

// RequestVoteArgs is the RequestVote RPC's arguments. Lab 3A has no log, so
// the last log index and term that Figure 2 adds are left out: they would
// always be 0.
type RequestVoteArgs struct {
	Term        int
	CandidateId int
}

// RequestVoteReply is the RequestVote RPC's reply.
type RequestVoteReply struct {
	Term        int
	VoteGranted bool
}

// RequestVote is the RequestVote RPC handler (Figure 2, receiver
// implementation).
func (rf *Raft) RequestVote(args *RequestVoteArgs, reply *RequestVoteReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	rf.ObserveTerm(args.Term)
	reply.Term = rf.currentTerm
	if args.Term < rf.currentTerm || !rf.v.MayVote(rf, args.CandidateId) {
		return
	}
	rf.SetVotedFor(args.CandidateId) // persisted before the grant leaves
	rf.ResetElectionTimer()
	reply.VoteGranted = true
}

// MayVote is Figure 2's rule: grant the vote "if votedFor is null or
// candidateId". Granting the same candidate again answers a retry.
func MayVote(rf *Raft, candidate int) bool {
	return rf.votedFor == None || rf.votedFor == candidate
}

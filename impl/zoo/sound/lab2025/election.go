package lab2025

// startElection becomes a candidate of the next term, saves its own vote
// before asking anyone (so a restart cannot vote twice in the term), and
// asks every peer, each in a goroutine of its own. One more goroutine
// tallies the answers. Call with rf.mu held.
func (rf *Raft) startElection() {
	rf.currentTerm++
	rf.role = Candidate
	rf.votedFor = rf.me
	rf.persist()
	rf.resetElectionDeadline() // a split vote ends at the next deadline

	args := RequestVoteArgs{Term: rf.currentTerm, CandidateId: rf.me}
	// Room for every answer, so no asker ever blocks on a tally that has
	// already decided.
	ballots := make(chan bool, len(rf.peers))
	for peer := range rf.peers {
		if peer != rf.me {
			go rf.requestVote(peer, args, ballots)
		}
	}
	go rf.tally(args.Term, ballots)
}

// requestVote asks one peer and posts whether it granted. A lost request
// counts as a refusal.
func (rf *Raft) requestVote(peer int, args RequestVoteArgs, ballots chan<- bool) {
	var reply RequestVoteReply
	granted := false
	if rf.peers[peer].Call("Raft.RequestVote", &args, &reply) {
		granted = rf.readVoteReply(&reply)
	}
	ballots <- granted
}

// readVoteReply steps down if the voter knows a newer term, and says
// whether the vote was granted. The grant is for the term that was asked
// about; tally checks that it is still ours.
func (rf *Raft) readVoteReply(reply *RequestVoteReply) bool {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if reply.Term > rf.currentTerm {
		rf.stepDown(reply.Term)
		rf.persist()
		return false
	}
	return reply.VoteGranted
}

// tally counts the election of term until it has a majority, its own vote
// included, or every peer has answered, and then returns. It ends by
// itself after Kill, since the framework fails a stopped node's calls.
func (rf *Raft) tally(term int, ballots <-chan bool) {
	majority := len(rf.peers)/2 + 1
	votes, answers := 1, 0
	for votes < majority && answers < len(rf.peers)-1 {
		if <-ballots {
			votes++
		}
		answers++
	}
	if votes >= majority {
		rf.win(term)
	}
}

// win takes office for term, unless the election is already over for us:
// a newer term came along, or we were killed.
func (rf *Raft) win(term int) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.killed() || rf.role != Candidate || rf.currentTerm != term {
		return
	}
	rf.role = Leader
	go rf.lead(term)
}

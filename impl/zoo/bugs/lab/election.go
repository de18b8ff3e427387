package lab

import "time"

// Ticker is the election goroutine: until Kill, it looks every TickStep
// whether an election is due.
func Ticker(rf *Raft) {
	for !rf.Killed() {
		rf.Tick()
		time.Sleep(TickStep)
	}
}

// Tick starts an election if this peer is a follower or candidate that has
// heard nothing from a leader, nor granted a vote, for its election
// timeout. It takes the lock itself.
func (rf *Raft) Tick() {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.role != leader && !time.Now().Before(rf.deadline) {
		rf.startElection()
	}
}

// startElection makes this peer a candidate of the next term, voting for
// itself, and canvasses the others. Call with the lock held.
func (rf *Raft) startElection() {
	rf.currentTerm++
	rf.SetVotedFor(rf.me)
	rf.role = candidate
	rf.votes = 0
	rf.ResetElectionTimer() // a split vote ends in a new election
	rf.AddVote()            // its own; a cluster of one is won at once
	rf.v.Canvass(rf, RequestVoteArgs{Term: rf.currentTerm, CandidateId: rf.me})
}

// Canvass sends args to every other peer, each in a goroutine of its own,
// and counts each reply as it arrives. The lock is not held across a Call:
// a peer waiting on the network must still answer GetState and RPCs.
func Canvass(rf *Raft, args RequestVoteArgs) {
	for peer, end := range rf.peers {
		if peer == rf.me {
			continue
		}
		go func() {
			var reply RequestVoteReply
			if !end.Call("Raft.RequestVote", &args, &reply) {
				return
			}
			rf.mu.Lock()
			defer rf.mu.Unlock()
			rf.v.Count(rf, &args, &reply)
		}()
	}
}

// Count counts a reply to args. A vote is counted only toward the
// candidacy it was asked for: a reply that arrives after this peer moved
// to another term, or after it stopped being a candidate, granted a vote
// in an election that is over.
func Count(rf *Raft, args *RequestVoteArgs, reply *RequestVoteReply) {
	if rf.ObserveTerm(reply.Term) || !reply.VoteGranted {
		return
	}
	if args.Term != rf.currentTerm || rf.role != candidate {
		return
	}
	rf.AddVote()
}

// AddVote counts one more vote for this peer's latest candidacy and takes
// office once a majority has voted for it.
func (rf *Raft) AddVote() {
	rf.votes++
	if rf.votes > len(rf.peers)/2 {
		rf.becomeLeader()
	}
}

// becomeLeader takes office and asserts it at once, so that the other
// candidates of the term give way before they time out. A leader already
// in office has nothing to do.
func (rf *Raft) becomeLeader() {
	if rf.role == leader {
		return
	}
	rf.role = leader
	rf.broadcast()
}

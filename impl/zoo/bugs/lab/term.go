package lab

import (
	"math/rand/v2"
	"time"
)

// The state changes the handlers and the hooks share. Call them with the
// lock held.

// ObserveTerm adopts term if it is newer than this peer's (Figure 2, rules
// for all servers): the peer becomes a follower of that term, with no vote
// in it yet. It reports whether it did.
func (rf *Raft) ObserveTerm(term int) bool {
	if term <= rf.currentTerm {
		return false
	}
	if rf.role == leader {
		// A leader's election deadline is long past; without a fresh one
		// it would campaign at its next tick, before hearing the new leader.
		rf.ResetElectionTimer()
	}
	rf.currentTerm, rf.votedFor, rf.role = term, None, follower
	rf.persist()
	return true
}

// BecomeFollower makes this peer a follower in its current term, keeping
// its vote: a candidate or leader that meets the leader of its own term
// gives way.
func (rf *Raft) BecomeFollower() { rf.role = follower }

// SetVotedFor records this peer's vote in its current term (None for no
// vote) and persists it, so that a restart cannot vote again.
func (rf *Raft) SetVotedFor(peer int) {
	rf.votedFor = peer
	rf.persist()
}

// ResetElectionTimer draws a new election timeout, starting now.
func (rf *Raft) ResetElectionTimer() {
	timeout := ElectionTimeoutMin + rand.N(ElectionTimeoutMax-ElectionTimeoutMin)
	rf.deadline = time.Now().Add(timeout)
}

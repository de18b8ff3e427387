package lab2025

import (
	"math/rand"
	"time"
)

const (
	// Election timeouts are drawn in [electionTimeoutMin,
	// electionTimeoutMin+electionTimeoutSpread).
	electionTimeoutMin    = 350 * time.Millisecond
	electionTimeoutSpread = 300 * time.Millisecond
	// maxNap bounds the ticker's sleep, so that it notices Kill, and a
	// deposed leader's overdue deadline, within 50 ms.
	maxNap = 50 * time.Millisecond
)

// ticker starts an election whenever the deadline passes without word from
// a leader. Rather than poll at random, it sleeps until the deadline (or
// maxNap, if sooner): the randomness is all in the deadline. A deadline
// pushed back while it slept just means one more nap.
func (rf *Raft) ticker() {
	for !rf.killed() {
		rf.mu.Lock()
		if rf.role != Leader && !time.Now().Before(rf.electionDeadline) {
			rf.startElection()
		}
		nap := maxNap
		if rf.role != Leader {
			nap = min(nap, time.Until(rf.electionDeadline))
		}
		rf.mu.Unlock()
		time.Sleep(nap)
	}
}

// resetElectionDeadline draws a fresh timeout from now. Call with rf.mu
// held.
func (rf *Raft) resetElectionDeadline() {
	timeout := electionTimeoutMin + time.Duration(rand.Int63n(int64(electionTimeoutSpread)))
	rf.electionDeadline = time.Now().Add(timeout)
}

// stepDown adopts a higher term as a follower with no vote in it. The
// caller persists (handlers through persistIfChanged). Call with rf.mu
// held.
func (rf *Raft) stepDown(term int) {
	if rf.role == Leader {
		// The deadline was not kept up while leading and is long past; a
		// deposed leader gives the new one a full timeout to reach it.
		rf.resetElectionDeadline()
	}
	rf.currentTerm = term
	rf.votedFor = -1
	rf.role = Follower
}

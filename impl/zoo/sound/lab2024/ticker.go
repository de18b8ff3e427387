package lab2024

import (
	"math/rand"
	"time"
)

// Election timeouts are drawn in [300 ms, 600 ms): well above the 100 ms
// heartbeat interval, and spread wide enough that one candidate usually
// asks everyone before another times out.
const (
	electionTimeoutMin   = 300 // ms
	electionTimeoutRange = 300 // ms
)

// ticker is the skeleton's: it wakes every 50-350 ms and starts an election
// if the timer has run out. A leader does nothing here; its heartbeats have
// their own loop, because these sleeps are longer than the interval
// between heartbeats. After Kill the loop ends at its next wake-up, up to
// 350 ms later.
func (rf *Raft) ticker() {
	for !rf.killed() {
		// Check if a leader election should be started.
		rf.mu.Lock()
		if rf.state != Leader && time.Since(rf.lastReset) >= rf.electionTimeout {
			rf.startElection()
		}
		rf.mu.Unlock()

		// pause for a random amount of time between 50 and 350
		// milliseconds.
		ms := 50 + (rand.Int63() % 300)
		time.Sleep(time.Duration(ms) * time.Millisecond)
	}
}

// resetElectionTimer restarts the election timer with a fresh random
// timeout. Call with rf.mu held.
func (rf *Raft) resetElectionTimer() {
	ms := electionTimeoutMin + rand.Int63()%electionTimeoutRange
	rf.electionTimeout = time.Duration(ms) * time.Millisecond
	rf.lastReset = time.Now()
}

package appendlog

import (
	"math/rand/v2"
	"time"
)

const (
	// HeartbeatInterval is the course's limit of ten heartbeats per
	// second, used to the full.
	HeartbeatInterval = 100 * time.Millisecond
	// Election timeouts are drawn in [electionTimeoutMin,
	// electionTimeoutMin+electionTimeoutSpread).
	electionTimeoutMin    = 300 * time.Millisecond
	electionTimeoutSpread = 300 * time.Millisecond
)

func randomElectionTimeout() time.Duration {
	return electionTimeoutMin + rand.N(electionTimeoutSpread)
}

// run owns the two clocks of a peer and is the only goroutine that touches
// them: the election timer, which handlers restart through rf.heard, and
// the heartbeat ticker, which a win restarts through rf.elected so that
// rounds fall exactly HeartbeatInterval apart from the first. It returns
// as soon as Kill closes rf.done.
func (rf *Raft) run() {
	election := time.NewTimer(randomElectionTimeout())
	defer election.Stop()
	heartbeat := time.NewTicker(HeartbeatInterval)
	defer heartbeat.Stop()
	for {
		select {
		case <-rf.done:
			return
		case <-rf.heard:
			election.Reset(randomElectionTimeout())
		case <-election.C:
			rf.electionTimeout()
			election.Reset(randomElectionTimeout())
		case <-rf.elected:
			rf.heartbeat(true)
			heartbeat.Reset(HeartbeatInterval)
		case <-heartbeat.C:
			rf.heartbeat(false)
		}
	}
}

// electionTimeout campaigns, unless this peer leads: a leader's timer runs
// on but means nothing.
func (rf *Raft) electionTimeout() {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.role != leader {
		rf.campaign()
	}
}

// heartbeat sends a round if this peer leads. The first round of a
// leadership is forced; later ones keep at least HeartbeatInterval from the
// previous round, in case a tick and a win's restart of the ticker fall on
// the same instant.
func (rf *Raft) heartbeat(first bool) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.role != leader {
		return
	}
	if !first && time.Since(rf.lastBroadcast) < HeartbeatInterval {
		return
	}
	rf.broadcast()
}

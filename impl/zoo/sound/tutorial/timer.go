package tutorial

import "time"

// Timing of the election, as in the tutorial: timeouts well above the
// heartbeat interval, randomized so that split votes are rare.
const (
	electionTimeoutMin = 150 * time.Millisecond
	electionTimeoutMax = 300 * time.Millisecond // exclusive
	timerPoll          = 10 * time.Millisecond
)

// electionTimeout draws a fresh timeout from the run's seeded source.
// Expects cm.mu to be locked: env.Rand is not safe for concurrent use.
func (cm *ConsensusModule) electionTimeout() time.Duration {
	spread := int64(electionTimeoutMax - electionTimeoutMin)
	return electionTimeoutMin + time.Duration(cm.env.Rand.Int64N(spread))
}

// runElectionTimer is one election timer. It is started when the module
// becomes follower or candidate, and it ends when the state or the term it
// was started for moves on, or when it starts an election itself (which
// starts the next timer). It polls rather than waits so that it notices
// those changes, and Dead, within timerPoll.
func (cm *ConsensusModule) runElectionTimer() {
	cm.mu.Lock()
	timeoutDuration := cm.electionTimeout()
	termStarted := cm.currentTerm
	cm.mu.Unlock()
	cm.dlog("election timer started", "timeout", timeoutDuration, "term", termStarted)

	ticker := time.NewTicker(timerPoll)
	defer ticker.Stop()
	for {
		<-ticker.C
		if cm.checkElectionTimer(termStarted, timeoutDuration) {
			return
		}
	}
}

// checkElectionTimer is one poll of a timer; it reports whether the timer
// is done.
func (cm *ConsensusModule) checkElectionTimer(termStarted int, timeout time.Duration) bool {
	cm.mu.Lock()
	defer cm.mu.Unlock()
	if cm.state != Candidate && cm.state != Follower {
		cm.dlog("timer retires: no longer waiting", "state", cm.state)
		return true
	}
	if termStarted != cm.currentTerm {
		cm.dlog("timer retires: its term is over", "term", termStarted)
		return true
	}
	if time.Since(cm.electionResetEvent) >= timeout {
		cm.startElection()
		return true
	}
	return false
}

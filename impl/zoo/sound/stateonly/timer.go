package stateonly

import "time"

// Timing: a leader's heartbeats come at least four times per shortest
// election timeout, so a follower times out only after several are lost.
const (
	heartbeatInterval  = 100 * time.Millisecond
	electionTimeoutMin = 400 * time.Millisecond
	electionTimeoutMax = 800 * time.Millisecond // exclusive
)

// electionTimeout draws a fresh timeout. Only the loop calls it (and New,
// before the loop starts): Env.Rand is not safe for concurrent use.
func (n *node) electionTimeout() time.Duration {
	return electionTimeoutMin + time.Duration(n.env.Rand.Int64N(int64(electionTimeoutMax-electionTimeoutMin)))
}

// resetElectionTimer restarts the wait for a leader with a new timeout.
// Since Go 1.23 Reset also discards a firing that was not received yet.
func (n *node) resetElectionTimer() {
	n.wake.Reset(n.electionTimeout())
}

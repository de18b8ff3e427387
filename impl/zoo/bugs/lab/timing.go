package lab

import "time"

// Timing. The timeout is several heartbeat intervals long, so that a
// follower hears from a healthy leader a few times before it would give up
// on it (Raft §5.6: broadcastTime ≪ electionTimeout).
const (
	HeartbeatInterval  = 100 * time.Millisecond
	ElectionTimeoutMin = 300 * time.Millisecond
	ElectionTimeoutMax = 600 * time.Millisecond // exclusive
	// TickStep is how often the loops look at the clock, and so how soon
	// they notice Kill.
	TickStep = 10 * time.Millisecond
)

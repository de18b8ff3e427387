package hashiraft

import "time"

// HeartbeatBudget is the most AppendEntries without entries that a leader
// running c can send one follower in one second of one term: its heartbeat
// loop's, which come at least HeartbeatTimeout/10 apart, and its
// replication loop's, which come at least CommitTimeout apart. Declared as
// harness.Target.HeartbeatBudget, it has ballot hold the library to it.
func (c Config) HeartbeatBudget() int {
	return perSecond(c.HeartbeatTimeout/10) + perSecond(c.CommitTimeout)
}

// perSecond is the most events, at least gap apart, that fit in a window
// of one second open at its start, as ballot's budget counts them.
func perSecond(gap time.Duration) int {
	if gap <= 0 {
		return 0
	}
	return int((time.Second + gap - 1) / gap)
}

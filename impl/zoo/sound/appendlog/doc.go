// Package appendlog is a Raft leader election whose leader replicates a
// real log, as a 6.5840 lab looks once Lab 3B is under way: Start appends
// a command, AppendEntries carries entries after PrevLogIndex and
// PrevLogTerm, the leader keeps nextIndex and matchIndex, commits by
// majority (§5.3, §5.4.2) and applies on applyCh. The election's
// up-to-date check (§5.4.1) therefore has real logs to compare.
//
// It exists so that ballot does not mistake log traffic for a heartbeat
// flood, nor lagging logs for a broken election:
//
//   - Heartbeats go out on a 100 ms tick (ten a second, the course's
//     limit), the first round the moment an election is won; each one
//     carries whatever the follower lacks from nextIndex on.
//   - A follower that rejects an AppendEntries for a log mismatch is sent
//     another at once, with nextIndex one lower, and so on until the logs
//     meet: these retries come on top of the tick.
//   - Commands come only from Start, which the framework never calls, so
//     each new leader appends a no-op entry of its term on winning (as
//     §8 suggests, to commit what earlier terms left). Every election
//     thus grows the log, and a node cut off through a few of them comes
//     back with a log that loses the up-to-date check.
//
// The structure is channel-driven rather than polled: one goroutine owns
// the election timer and the heartbeat ticker and selects on them, on
// signals from the handlers, and on a channel that Kill closes, so it ends
// at once; the applier waits the same way. currentTerm, votedFor and the
// log are saved with labgob before any reply or message that depends on
// them leaves.
//
// The election timeout is drawn in [300 ms, 600 ms).
//
// Plug it in as a goroutine node, holding it to the course's heartbeat
// rule:
//
//	target := harness.Target{
//		Name:            "sound append entries with a log",
//		Node:            labrpc.Node(appendlog.Make),
//		HeartbeatBudget: labrpc.HeartbeatBudget,
//	}
package appendlog

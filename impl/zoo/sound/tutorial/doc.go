// Package tutorial is a sound Raft leader election (§5.2, no log) written
// the way the well-known "implementing Raft" blog series writes its first
// part: one ConsensusModule guarded by one mutex, states Follower,
// Candidate, Leader and Dead, RPC handlers with net/rpc signatures, and a
// fresh goroutine for every election timer.
//
// It is in the zoo as a regression test for false alarms: ballot must not
// flag correct code because it looks nothing like ours. The legal but
// unusual things it does:
//   - Several election timers may run at once for a while: a timer is a
//     goroutine that polls every 10 ms and ends only when it notices that
//     the term or the state moved on, and a new one is started each time
//     the module becomes follower or candidate.
//   - The leader sends heartbeats every 50 ms, 20 per second per follower,
//     and promises no budget.
//   - Nothing is persisted: term and vote live in memory only, so the
//     target is declared Volatile and the suite does not restart it.
//   - Every vote request and heartbeat is a goroutine of its own, so a call
//     to an unreachable peer that takes seconds to fail holds nobody up.
//   - It reports each change of its status through the Observer, and also
//     answers State.
//
// Two slips that tutorial code of this shape easily makes are avoided here,
// and marked where they would be: forgetting one's own vote when a
// candidate falls back to follower in the same term, and counting a late
// vote from an earlier campaign towards the current one. The bug zoo has
// both (impl/zoo/bugs/votedforreset and impl/zoo/bugs/stalevotereply).
//
// Plug it in as a goroutine target:
//
//	target := harness.Target{Name: "tutorial", Node: tutorial.New, Volatile: true}
package tutorial

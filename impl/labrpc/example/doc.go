// Package example is a Raft leader election (6.5840 Lab 3A) written the way
// the course's skeleton asks, against the labrpc shim: a mutex-guarded Raft
// struct, a ticker goroutine, RequestVote and AppendEntries handlers reached
// through peers[i].Call, and currentTerm and votedFor persisted with labgob.
// It shows what a ported raft.go looks like; only its imports differ from
// code written for the course.
//
// Plug it in as a goroutine node with
//
//	factory := labrpc.Node(example.Make)
//
// Timing: election timeout drawn in [400 ms, 800 ms), heartbeats at least
// 120 ms apart (at most 9 in any second on a link, under the budget of 10).
// Loops poll killed() at least every 10 ms, so every goroutine ends promptly
// after Kill, except one blocked in Call, which the framework ends by
// failing the calls of a stopped node.
//
// Randomness comes from math/rand/v2's global functions, as in student code.
// Under the framework's goroutine runner (testing/synctest) time is virtual
// but the draws are not seeded from the run's seed, so a goroutine node's run
// is not replayable from its seed the way an impl.Machine's is.
package example

// Package lab is the base of ballot's zoo of broken 6.5840-style elections:
// one small Raft leader election (Lab 3A) written the way the course's
// skeleton asks, against the labrpc shim, that is correct as it stands and
// that takes a [Variant] of hooks at exactly the points where the zoo's bugs
// differ from it. Each bug lives in a package of its own under
// impl/zoo/bugs, whose Make calls [New] with its hooks, so that the buggy
// lines are visible there and nowhere else.
//
// The election: a mutex-guarded Raft struct; a ticker goroutine that starts
// an election once the randomized timeout (300–600 ms) passes without word
// from a leader; a heartbeat goroutine that sends an empty AppendEntries to
// every peer every 100 ms while this peer leads; RequestVote and
// AppendEntries handlers reached through peers[i].Call; currentTerm and
// votedFor persisted with labgob before any reply that depends on them
// leaves. There is no log: Lab 3A never appends an entry, so no candidate's
// log is ever behind.
//
// Plugged in as is, with no variant, it is the control that shows the bugs
// are the only difference:
//
//	factory := labrpc.Node(lab.Make)
//
// and a bug package builds its peers with
//
//	func Make(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *lab.Raft {
//		return lab.New(peers, me, persister, lab.Variant{Follow: follow})
//	}
//
// Every loop polls Killed() every [TickStep], so all of a peer's goroutines
// end within a step of Kill, except one blocked in Call, which the framework
// ends by failing the calls of a stopped node. Randomness comes from
// math/rand/v2's global functions, as in student code.
package lab

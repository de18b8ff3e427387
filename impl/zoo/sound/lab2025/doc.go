// Package lab2025 is a Raft leader election (6.5840 Lab 3A) in the shape of
// the course's 2025 skeleton, package raft in the raft1 directory: Make
// returns a value that satisfies raftapi.Raft (here *Raft, with the
// interface restated in raft.go), Start is a stub returning (-1, term,
// isLeader), and PersistBytes reports the size of what persist saved
// through the Persister.
//
// It exists so that ballot sees another shape of correct code than the
// 2024 sibling (github.com/ballot-go/ballot/impl/zoo/sound/lab2024), with
// goroutines that legally outlive their purpose for a while: a heartbeat
// goroutine lingers up to 100 ms after its leadership ended, and the tally
// of an election short of a majority waits for every answer, for seconds
// if a peer is unreachable, long after a newer election superseded it. In
// detail:
//
//   - A Role enum and an election deadline (a time.Time) instead of a
//     last-heard time; the ticker sleeps until the deadline, in naps of at
//     most 50 ms, instead of at random.
//   - Each leadership has its own heartbeat goroutine: it sends the first
//     round the moment the election is won, one every 100 ms after that
//     (ten a second, the course's limit), and exits on the first wake-up
//     that finds this peer no longer leading that term, up to 100 ms after
//     it lost office or was killed.
//   - Votes are tallied by one goroutine per election, from a channel fed
//     by the goroutines that ask each peer.
//   - Figure 2's persistent state is one struct, and a handler saves it
//     only if the call changed it.
//
// The election timeout is drawn in [350 ms, 650 ms).
//
// Plug it in as a goroutine node, holding it to the course's heartbeat
// rule:
//
//	target := harness.Target{
//		Name:            "sound 6.5840 2025 skeleton",
//		Node:            labrpc.Node(lab2025.Make),
//		HeartbeatBudget: labrpc.HeartbeatBudget,
//	}
package lab2025

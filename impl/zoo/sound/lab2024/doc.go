// Package lab2024 is a Raft leader election (6.5840 Lab 3A) written as a
// student fills in the course's 2024 skeleton: Make, GetState and Kill as
// handed out, the skeleton's ticker that wakes every 50-350 ms
// (ms := 50 + (rand.Int63() % 300), global math/rand) to see whether the
// election timeout has passed since the last heartbeat or vote granted,
// and currentTerm and votedFor saved with labgob.
//
// It exists so that ballot never flags correct code for habits that are
// unusual but legal:
//
//   - The RequestVote handler fills in reply.Term before it adopts the
//     candidate's higher term, so a granted vote often carries the voter's
//     old term. The candidate counts a grant by the term it asked in
//     (args.Term) and ignores a reply term lower than its own, so the
//     protocol is unaffected; a checker that read the vote's term from
//     the reply would be wrong.
//   - The ticker notices Kill only when it wakes, up to 350 ms later.
//   - Heartbeats go out every 100 ms exactly, the most the course allows
//     (ten per second), the first at the moment of winning.
//
// The election timeout is drawn in [300 ms, 600 ms); the ticker's own
// sleep adds up to 350 ms before a timeout is noticed.
//
// Plug it in as a goroutine node, holding it to the course's heartbeat
// rule:
//
//	target := harness.Target{
//		Name:            "sound 6.5840 2024 skeleton",
//		Node:            labrpc.Node(lab2024.Make),
//		HeartbeatBudget: labrpc.HeartbeatBudget,
//	}
package lab2024

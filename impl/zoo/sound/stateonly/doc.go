// Package stateonly is a sound Raft leader election (§5.2, no log) written
// in the style of an actor: one event-loop goroutine owns every piece of
// state, and everything else talks to it over channels. Inbound RPCs are
// forwarded from Serve to the loop and answered through a reply channel;
// each outbound RPC runs in a goroutine of its own and posts its outcome
// back to the loop; one time.Timer, reset on events, is the election
// timeout of a follower or candidate and the heartbeat interval of a leader.
// No mutex anywhere.
//
// It is in the zoo as a regression test for false alarms. The legal but
// unusual things it does:
//   - It never calls the Observer. The framework learns about it only by
//     polling State, which answers from one atomic word that the loop
//     updates, so it never waits for the loop.
//   - Its RPCs are named "Peer.RequestVote" and "Peer.AppendEntries", and
//     a vote reply says Granted rather than VoteGranted.
//   - Timing is slow: heartbeats every 100 ms, election timeouts drawn in
//     [400 ms, 800 ms) from the seeded Env.Rand.
//
// Term and vote go to Env.Storage before any reply or request that depends
// on them, and a restarted node resumes from them. Stop ends the loop and
// returns; calls in flight end when the network cancels them, and a Serve
// that arrives after Stop fails at once.
//
// Plug it in as a goroutine target:
//
//	target := harness.Target{Name: "state only", Node: stateonly.New}
package stateonly

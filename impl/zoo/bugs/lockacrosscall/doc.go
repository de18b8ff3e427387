// Package lockacrosscall is a 6.5840-style election whose vote-requesting
// goroutines take rf.mu first and hold it across the RequestVote Call. A
// call takes at least a network round trip, and up to seconds when the
// peer is unreachable; meanwhile the other requests, the ticker, the
// heartbeats, the RPC handlers and GetState all wait for the lock, and the
// requests go out one at a time.
//
// Reference: 6.5840's "Raft Locking Advice", rule 4: do not hold a lock
// while doing anything that might wait, such as sending an RPC:
// https://pdos.csail.mit.edu/6.824/labs/raft-locking.txt
//
// Invariant that must catch it: NoStuck. In virtual time a goroutine
// waiting on a mutex stops the clock, so the call holding the lock never
// returns: the frozen-clock watchdog reports it as the spec fails ("virtual
// time froze"), naming the node whose goroutines, its GetState among them,
// wait on a lock. In real time it shows once a peer is unreachable: GetState
// then waits seconds for the lock, past the StuckAfter that NoStuck allows.
//
// Everything but Canvass is the correct election of package
// github.com/ballot-go/ballot/impl/zoo/bugs/lab. Plug it in as
//
//	var _ = specs.Conformance(harness.Target{
//		Name: "lock across call", Node: labrpc.Node(lockacrosscall.Make), HeartbeatBudget: labrpc.HeartbeatBudget,
//	})
package lockacrosscall

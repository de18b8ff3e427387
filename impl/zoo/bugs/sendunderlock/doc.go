// Package sendunderlock is a 6.5840-style election whose AppendEntries
// handler tells the ticker goroutine that the leader is alive by sending on
// an unbuffered channel, while it holds rf.mu. The ticker looks at the
// channel once a tick, after its election check, which takes rf.mu. So the
// first heartbeat a follower gets blocks the handler, lock held, until the
// ticker looks, and the ticker blocks on the lock before it looks: neither
// moves again, and neither do GetState and the other handlers, which all
// need the lock.
//
// Reference: 6.5840's "Raft Locking Advice", rule 4: do not hold a lock
// while doing anything that might wait, such as sending on a channel:
// https://pdos.csail.mit.edu/6.824/labs/raft-locking.txt
//
// Invariant that must catch it: NoStuck. In virtual time a goroutine
// waiting on a mutex stops the clock, so the frozen-clock watchdog reports
// it as the spec fails: "virtual time froze", naming the node whose
// goroutines (its GetState among them) wait on a lock, with the handler's
// "chan send" in its stacks. In real time GetState blocks past StuckAfter.
//
// Everything but Follow and the ticker is the correct election of package
// github.com/ballot-go/ballot/impl/zoo/bugs/lab. Plug it in as
//
//	var _ = specs.Conformance(harness.Target{
//		Name: "send under lock", Node: labrpc.Node(sendunderlock.Make), HeartbeatBudget: labrpc.HeartbeatBudget,
//	})
package sendunderlock

// Package noreset is a 6.5840-style election whose followers do not reset
// their election timer on heartbeats, only when they grant a vote. Under a
// healthy leader every follower still times out 300–600 ms after its last
// vote and starts an election: the term churns with no fault at all.
//
// Reference: Jon Gjengset, "Students' Guide to Raft" (2016), which lists
// the three moments to reset the timer, the first being an AppendEntries
// from the current leader:
// https://thesquareplanet.com/blog/students-guide-to-raft/
//
// Invariant that must catch it: Stability (term churn in a steady, healthy
// cluster). Lab 3A's "initial election" fails on it too: "term changed even
// though there were no failures".
//
// Everything but Follow is the correct election of package
// github.com/ballot-go/ballot/impl/zoo/bugs/lab. Plug it in as
//
//	var _ = specs.Conformance(harness.Target{
//		Name: "no timer reset", Node: labrpc.Node(noreset.Make), HeartbeatBudget: labrpc.HeartbeatBudget,
//	})
package noreset

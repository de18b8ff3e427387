// Package votedforreset is a 6.5840-style election that clears votedFor
// whenever it follows a leader: on every heartbeat, and when a candidate
// steps down before the winner of its own term, not only when the term
// increases. Having a leader seems to make the vote moot, but the term is
// not over. A node that missed the term's election (cut off from it, or
// slow to hear of it) campaigns in that very term when it times out, and
// every peer that forgot its vote grants it: they vote twice in one term,
// and often elect a second leader of it.
//
// Reference: Raft Figure 2: votedFor is the "candidateId that received
// vote in current term"; only a new term clears it (rules for all
// servers).
//
// Invariant that must catch it: VoteOnce (one peer grants two candidates
// votes in one term), under partitions and delays. ElectionSafety often
// sees the second leader too.
//
// Everything but Follow is the correct election of package
// github.com/ballot-go/ballot/impl/zoo/bugs/lab. Plug it in as
//
//	var _ = specs.Conformance(harness.Target{
//		Name: "votedFor reset", Node: labrpc.Node(votedforreset.Make), HeartbeatBudget: labrpc.HeartbeatBudget,
//	})
package votedforreset

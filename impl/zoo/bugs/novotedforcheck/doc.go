// Package novotedforcheck is a 6.5840-style election that grants its vote
// to every candidate of its current term, without asking whether it has
// already voted in that term. Two candidates that time out together each
// collect everyone's vote, each other's included, and both lead the term;
// and a node that missed a term's election (cut off from it) campaigns in
// that very term when it times out, and is elected beside the leader the
// term already has.
//
// Reference: Raft Figure 2, RequestVote receiver implementation, rule 2:
// grant the vote only "if votedFor is null or candidateId".
//
// Invariant that must catch it: ElectionSafety (two leaders in one term).
// VoteOnce sees the double votes on the wire as well.
//
// Everything but MayVote is the correct election of package
// github.com/ballot-go/ballot/impl/zoo/bugs/lab. Plug it in as
//
//	var _ = specs.Conformance(harness.Target{
//		Name: "no votedFor check", Node: labrpc.Node(novotedforcheck.Make), HeartbeatBudget: labrpc.HeartbeatBudget,
//	})
package novotedforcheck

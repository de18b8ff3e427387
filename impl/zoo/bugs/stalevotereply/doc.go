// Package stalevotereply is a 6.5840-style election that counts a granted
// vote without checking that it answers its current candidacy: it does not
// compare the request's term with its current term, nor check that it is
// still a candidate. Its one tally, reset at each candidacy, takes any
// grant that comes back. A vote granted for an earlier term, delivered
// late, counts toward the current election, or makes a follower of a newer
// term take office in it, perhaps beside the leader that term already
// has.
//
// Reference: eliben/raft pull request #27,
// https://github.com/eliben/raft/pull/27; the same bug was reported in
// ktoso/akka-raft issue #46 ("a candidate to be elected by votes from a
// previous term whose delivery was severely delayed") and in
// andreev-io/little-raft issue #44.
//
// Invariant that must catch it: LeaderHasQuorum (a leader without a
// majority of its own term's votes). In the typical run a node cut off or
// paused comes back terms ahead, at T, and a peer campaigning just then
// hears a refusal in T from the peers that know of T and grants from those
// that do not: the refusal moves it to T, and a grant counted after it
// elects it in T, where nobody else leads, so ElectionSafety sees one
// leader. Two leaders in a term, the worst the bug does, need a late grant
// for a node that has meanwhile followed the winner of a newer term: two
// candidacies of consecutive terms crossing on the wire. Under ballot's
// faults that is rare (a few 7-node nemesis runs in a hundred, none of
// hundreds of 5-node ones): a vote delayed past the 300 ms election
// timeout is rare.
//
// Everything but Count is the correct election of package
// github.com/ballot-go/ballot/impl/zoo/bugs/lab. Plug it in as
//
//	var _ = specs.Conformance(harness.Target{
//		Name: "stale vote reply", Node: labrpc.Node(stalevotereply.Make), HeartbeatBudget: labrpc.HeartbeatBudget,
//	})
package stalevotereply

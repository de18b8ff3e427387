// Package majorityoffbyone is a deliberately broken election of ballot's
// zoo: the base of package machine, except that a candidate counts itself
// elected with half of the votes (votes >= n/2) instead of more than half
// (votes > n/2). In a cluster of three a candidate's own vote is enough; in
// a cluster of four, two candidates of one term can both win.
//
// Checker that must catch it: LeaderHasQuorum (a leader without granted
// votes from a majority). Every spec does, on every seed, from the first
// election: on three nodes the first node to time out leads on its own
// vote.
//
// Plug it in with
//
//	target := harness.Target{Name: "bug majority off by one", Machine: majorityoffbyone.New}
package majorityoffbyone

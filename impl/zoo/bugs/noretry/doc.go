// Package noretry is a deliberately broken election of ballot's zoo: the
// base of package machine, except that a candidate whose election fails
// never starts another. It stays a candidate, silent, until a message from
// a leader or a higher term makes it a follower again. When every node that
// can still talk is such a candidate, nobody ever campaigns again.
//
// Reference: ktoso/akka-raft#31, "Candidate should have election restart
// timeout": without it, "eventually all servers in the cluster would
// transition to the Candidate state for the same term and get stuck".
//
// Checker that must catch it: ReElection (no new leader within 5 s while a
// majority can talk). Every seed of "6.5840 Lab 3A election after network
// failure" does: with the leader and one follower cut off, the follower and
// the remaining node each campaign alone once and get stuck; reconnected,
// they form a majority that never elects.
//
// Plug it in with
//
//	target := harness.Target{Name: "bug candidate never retries", Machine: noretry.New}
package noretry

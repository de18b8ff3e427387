// Package stalereply is a deliberately broken election of ballot's zoo: the
// base of package machine, except that a node adopts the term of every
// reply it receives, not only of one from a higher term. A reply from an
// older term, which answers a request sent before the node moved on, then
// sets the node's term back.
//
// Reference: the Students' Guide to Raft (Jon Gjengset, for MIT 6.824),
// section "Term confusion": a reply's term must be compared with the
// current term before it is acted upon.
//
// Checker that must catch it: TermMonotonic (a node's term goes down).
// Every seed of "eliben/raft part 1 follower comes back" does: the
// rejoining follower answers the leader's heartbeat from its higher term,
// the leader steps up to it, and the other follower's answer to the same
// round, from the old term, arrives right after and takes it back.
//
// Plug it in with
//
//	target := harness.Target{Name: "bug stale reply lowers the term", Machine: stalereply.New}
package stalereply

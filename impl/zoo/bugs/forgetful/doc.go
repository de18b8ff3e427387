// Package forgetful is a deliberately broken election of ballot's zoo: the
// base of package machine, except that the term and vote are never written
// to Storage. A restarted node starts from term 0 with no vote, as if it had
// never voted, while its target does not declare
// harness.Target.Volatile: it claims to keep them, as Raft requires.
//
// The double vote needs a restarted node to vote again in a term it voted
// in before the crash. In the suite it happens this way: a follower that
// voted for the first leader in term 1 crashes; the leader, hearing a
// majority without it, stops heartbeating it after 1.5 s; the follower
// restarts in term 0, hears nobody, times out, and campaigns in term 1
// again, voting for itself.
//
// Checkers that must catch it: VoteOnce (a node votes twice in one term),
// and TermMonotonic (its term goes back to 0), which fires on every seed of
// every crash spec. VoteOnce fires whenever the crashed node is not the one
// it voted for in term 1: in "fault matrix crash on N nodes" unless the
// random victim is the leader, and in most nemesis runs. A crashed leader
// cannot vote twice this way: it voted for itself, and campaigns for itself
// again.
//
// Plug it in with
//
//	target := harness.Target{Name: "bug term and vote forgotten on restart", Machine: forgetful.New}
package forgetful

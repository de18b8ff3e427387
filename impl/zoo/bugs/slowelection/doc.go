// Package slowelection is a deliberately broken election of ballot's zoo:
// the base of package machine, except that the election timeout is drawn in
// [5.2 s, 5.4 s) instead of [500 ms, 1 s). Elections still happen, but a
// cluster that lost its leader, or never had one, waits longer than the 5 s
// within which a majority that can talk must elect.
//
// The timeout is above 5 s by more than a heartbeat period, so that even a
// follower that heard the leader just before it failed waits too long, and
// below 5.45 s, the earliest that the Lab 3A scenarios give up on a leader,
// so that the late election still happens while ballot watches and the
// checker, not only a scenario step, sees it come late.
//
// Reference: MIT 6.5840 Lab 3A asks for an election timeout "larger than
// the paper's 150 to 300 milliseconds, but not too large, because then you
// may fail to elect a leader within five seconds".
//
// Checker that must catch it: ReElection (no leader within 5 s while a
// majority can talk). Every seed of each of the three Lab 3A specs does:
// the first election comes after 5 s, and in "election after network
// failure" so does the one after the leader is cut off. The other specs
// give up on a leader at exactly 5 s, before the late election and before
// any event past the deadline, so only their scenario step fails.
//
// Plug it in with
//
//	target := harness.Target{Name: "bug election timeout above five seconds", Machine: slowelection.New}
package slowelection

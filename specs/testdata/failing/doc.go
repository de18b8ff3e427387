// Package failing holds one broken election per kind of failure that the
// conformance suite must explain: a failed scenario step, a checker
// finding, a panic, a frozen clock, a stuck Stop, a run past its wall-time
// limit and a run interrupted with Ctrl-C. The specs package's output tests
// run this suite in a child process, with BALLOT_FAILURE_KIND naming the
// kind, and read what it prints and saves.
package failing

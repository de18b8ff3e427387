// Package specs is ballot's conformance suite for leader elections, written
// with Ginkgo and exported so that any implementation can run it from its
// own module:
//
//	// file election_suite_test.go in your package
//	var _ = specs.Conformance(harness.Target{Name: "mine", Machine: mine.New})
//
//	func TestElection(t *testing.T) {
//		specs.RunSuite(t, "mine") // RunSpecs, keeping t for synctest bubbles
//	}
//
// Then `go tool ginkgo ./yourpkg` (or `go test ./yourpkg`). Every scenario
// runs the implementation in virtual time (a Machine in the simulator, a
// Node in a testing/synctest bubble), records the whole history and holds
// it to every invariant in package checker. A failing spec prints its
// seed and the command that replays it: BALLOT_SEED=<seed> with a --focus on
// the spec.
package specs

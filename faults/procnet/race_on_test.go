//go:build race

package procnet_test

// raceEnabled: the nodes are this test binary, instrumented, several times
// slower: a probe's reports lag behind its traffic by more than the
// contract's windows allow.
const raceEnabled = true

//go:build race

package cli_test

// raceEnabled: the race detector slows every process it instruments
// several times over, which real-time runs of real processes cannot absorb.
const raceEnabled = true

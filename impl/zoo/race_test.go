//go:build race

package zoo_test

// raceEnabled: the race detector makes goroutine runs several times slower,
// so the default sweeps shrink under it; CI runs the full ones without it.
const raceEnabled = true

//go:build !race

package procnet_test

const raceEnabled = false

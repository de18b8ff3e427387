//go:build !race

package zoo_test

const raceEnabled = false

package faults

import "math/rand/v2"

// One seed drives a whole run. Every consumer of randomness draws from its
// own stream of it, so that adding a draw in one place never shifts the
// draws of another: a node's election jitter does not depend on how many
// messages the network dropped.
const (
	netStream   = 1 << 63   // the network's drops, duplicates and delays
	faultStream = 1<<63 | 1 // the faults' choices of victims and layouts
	scenStream  = 1<<63 | 2 // a scenario's own choices: which nodes to cut, the nemesis schedule
	nodeStreams = 1<<63 - 1 // node streams lie below: id + incarnation<<32
)

// NetRand is the network's source of randomness for a run.
func NetRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, netStream)) }

// FaultRand is the faults' source of randomness for a run (Target.Rand).
func FaultRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, faultStream)) }

// ScenarioRand is a scenario's source of randomness for a run: which nodes
// a test disconnects, the schedule a random nemesis draws.
func ScenarioRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, scenStream)) }

// NodeRand is node id's source in its given incarnation: a restart replays
// the same way whatever else happened in the run.
func NodeRand(seed uint64, id, incarnation int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, (uint64(id)+uint64(incarnation)<<32)&nodeStreams))
}

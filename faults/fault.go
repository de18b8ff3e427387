package faults

import (
	"math/rand/v2"
)

// Target is what a fault acts on: the Machine simulator, and later the
// goroutine network and the TCP proxies. Grudges and link rules are kept
// under a key so that faults compose: the network applies the union of all
// active grudges and every active rule.
type Target interface {
	// Size is the number of nodes, numbered 0 to Size()-1.
	Size() int
	// Leader returns the live node that leads the highest term, if any.
	Leader() (node int, ok bool)
	// Rand is the fault layer's source of randomness, derived from the run's seed.
	Rand() *rand.Rand

	SetGrudge(key string, g Grudge)
	ClearGrudge(key string)
	SetRule(key string, r LinkRule) error
	ClearRule(key string)

	// Crash stops node n; only its Storage survives.
	Crash(n int) error
	// Restart builds a fresh node n from its Storage.
	Restart(n int) error
	// Pause holds node n: nothing is delivered to it or sent by it until
	// Resume, and messages to it queue. Where the network can, its clock
	// stops too, as SIGSTOP would stop a process (the simulator). A
	// goroutine node's timers cannot be stopped from outside, so on the
	// RPC network it keeps ticking, like a process whose network stalled.
	// A Network's Capabilities say which of the two its Pause does.
	Pause(n int) error
	Resume(n int) error
	// Skew makes node n's clock run at rate times the normal speed (1 is normal).
	Skew(n int, rate float64) error
}

// Fault is one kind of trouble. Inject starts it and Heal ends it; Heal
// undoes exactly what Inject did. A Fault that picks its victims (the current
// leader, a random half) does so in Inject and remembers them for Heal.
type Fault interface {
	// String describes the fault with its parameters, as a timeline shows it.
	String() string
	Inject(t Target) error
	Heal(t Target) error
}

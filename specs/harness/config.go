package harness

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/hashicorp/go-hclog"
)

// Defaults, in one place.
const (
	// DefaultNodes is the usual cluster size, the one the 6.5840 tests start with.
	DefaultNodes      = 3
	DefaultTick       = 10 * time.Millisecond
	DefaultElectionBy = 5 * time.Second
	// MaxNodes bounds a cluster: the checkers' clique search is exact up to here.
	MaxNodes = 64
)

// Config describes one run. Nodes is required; the zero value of every other
// field but Seed means "use the default".
type Config struct {
	Nodes int
	// Seed drives every random choice of the run: election jitter, link
	// faults, nemesis schedules. The same seed replays the same run.
	Seed uint64
	// Tick is the virtual time of one Machine tick.
	Tick time.Duration
	// Latency is the base delay of every link.
	Latency faults.Delay
	// ElectionBy bounds how long a leader may take to appear when a
	// majority can communicate: CheckOneLeader and the ReElection checker use it.
	ElectionBy time.Duration
	// NoWire turns off recording of messages, for long runs where only
	// observations matter. Wire checkers then report Unknown.
	NoWire bool
	// Goroutine nodes only (zero means the default): how long a call
	// to an unreachable peer waits before it fails (labrpc's up to 7 s), how
	// often State is polled (10 ms), and how long a stopped node's
	// goroutines get to exit before they count as leaks (10 s; a clean stop is
	// seen at once).
	DeadPeerTimeout time.Duration
	Poll            time.Duration
	LeakGrace       time.Duration
	// StuckAfter is how long a goroutine node's State may take before it
	// counts as stuck (1 s).
	StuckAfter time.Duration
	// Logger receives the nodes' logs; nil discards them.
	Logger hclog.Logger
}

func (c *Config) validate() error {
	if c.Nodes < 1 || c.Nodes > MaxNodes {
		return fmt.Errorf("harness: Nodes is %d: a cluster has 1 to %d nodes (%d is the usual)", c.Nodes, MaxNodes, DefaultNodes)
	}
	if c.Tick == 0 {
		c.Tick = DefaultTick
	}
	if c.Tick < 0 {
		return fmt.Errorf("harness: Tick is %v: it must be positive", c.Tick)
	}
	if c.ElectionBy == 0 {
		c.ElectionBy = DefaultElectionBy
	}
	if c.ElectionBy < 0 {
		return fmt.Errorf("harness: ElectionBy is %v: it must be positive", c.ElectionBy)
	}
	if c.Logger == nil {
		c.Logger = hclog.NewNullLogger()
	}
	return nil
}

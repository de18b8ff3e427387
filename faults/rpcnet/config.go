package rpcnet

import (
	"errors"
	"fmt"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

// Defaults, in one place.
const (
	// DefaultDeadPeerTimeout follows labrpc's long delays: a call to an
	// unreachable peer fails after a random wait of up to 7 s.
	DefaultDeadPeerTimeout = 7 * time.Second
	// DefaultPoll is how often State is read: every 10 ms, against the
	// 6.5840 tester's 450-549 ms.
	DefaultPoll = 10 * time.Millisecond
	// DefaultStuckAfter is how long State may take before the node counts as stuck.
	DefaultStuckAfter = time.Second
	// DefaultLeakGrace is how long a stopped node's goroutines get to exit.
	// Correct code can take its time: the 6.5840 skeleton's ticker sleeps
	// up to 350 ms between checks of killed(), a heartbeat loop sleeps its
	// period. A goroutine still there 10 s after Stop never exits in any
	// correct election we know of. The check polls, so a clean stop does
	// not wait the whole grace, in virtual or in real time.
	DefaultLeakGrace = 10 * time.Second
	// DefaultStopTimeout bounds a node's Stop call.
	DefaultStopTimeout = 5 * time.Second
)

// Config describes a cluster of goroutine nodes.
type Config struct {
	Nodes   int
	Seed    uint64
	Factory impl.NodeFactory
	// Latency is the base delay of every link; default constant 1 ms.
	Latency faults.Delay
	// DeadPeerTimeout bounds the random wait before a call to an unreachable
	// or crashed peer returns false.
	DeadPeerTimeout time.Duration
	// Poll is the interval between reads of every node's State.
	Poll time.Duration
	// StuckAfter is how long a State call may block before it is reported.
	StuckAfter time.Duration
	// LeakGrace is how long a stopped node's goroutines get to exit before
	// the survivors are reported as leaks.
	LeakGrace time.Duration
	// StopTimeout bounds a node's Stop; a Stop that does not return is stuck.
	StopTimeout time.Duration
	// Classify reads the kind and term of calls for the wire record;
	// nil means DefaultClassifier.
	Classify Classifier
	// Tracer receives statuses, messages, topologies and incidents.
	Tracer faults.Tracer
	Logger hclog.Logger
}

func (c Config) withDefaults() (Config, error) {
	if c.Nodes < 1 {
		return c, fmt.Errorf("rpcnet: Nodes is %d: a cluster needs at least one node", c.Nodes)
	}
	if c.Factory == nil {
		return c, errors.New("rpcnet: Factory is nil: give the node constructor")
	}
	if c.Latency == (faults.Delay{}) {
		c.Latency = faults.Delay{Dist: faults.Constant, Base: time.Millisecond}
	}
	if err := c.Latency.Validate(); err != nil {
		return c, fmt.Errorf("rpcnet: latency: %w", err)
	}
	for _, d := range []struct {
		name string
		v    *time.Duration
		def  time.Duration
	}{
		{"DeadPeerTimeout", &c.DeadPeerTimeout, DefaultDeadPeerTimeout},
		{"Poll", &c.Poll, DefaultPoll},
		{"StuckAfter", &c.StuckAfter, DefaultStuckAfter},
		{"LeakGrace", &c.LeakGrace, DefaultLeakGrace},
		{"StopTimeout", &c.StopTimeout, DefaultStopTimeout},
	} {
		if *d.v == 0 {
			*d.v = d.def
		}
		if *d.v < 0 {
			return c, fmt.Errorf("rpcnet: %s is %v: it must be positive", d.name, *d.v)
		}
	}
	if c.Classify == nil {
		c.Classify = DefaultClassifier
	}
	if c.Logger == nil {
		c.Logger = hclog.NewNullLogger()
	}
	return c, nil
}

package raft

import (
	"fmt"

	"github.com/ballot-go/ballot/impl"
)

// Config tunes the election. The zero Config is invalid on purpose: a zero
// tick count is far more likely a forgotten field than a wish, so start from
// DefaultConfig and change what you need.
type Config struct {
	// ElectionTicks is the base election timeout in ticks. Each timeout is
	// drawn uniformly from [ElectionTicks, 2*ElectionTicks), so that one
	// server usually times out alone and wins before the others wake (§5.2).
	// It is also the leader lease and the CheckQuorum window.
	ElectionTicks int
	// HeartbeatTicks is how often a leader sends heartbeats.
	HeartbeatTicks int
	// PreVote makes a server ask whether it could win before it bumps its
	// term, so a server that rejoins from a partition does not depose a
	// working leader (Raft thesis §9.6).
	PreVote bool
	// CheckQuorum makes a leader step down when it has not heard from a
	// majority, itself included, for ElectionTicks ticks, and makes a server
	// that heard from a leader within ElectionTicks ignore higher-term vote
	// requests (the leader lease, thesis §4.2.3 and §6.4).
	CheckQuorum bool
}

// DefaultConfig returns the timing that suits the framework's default 10 ms
// tick: election timeouts of 500-1000 ms and a heartbeat every 150 ms, 6.7
// heartbeats a second, under the 6.5840 limit of 10 even with a clock that
// runs 1.5 times too fast.
func DefaultConfig() Config {
	return Config{ElectionTicks: 50, HeartbeatTicks: 15}
}

// maxElectionTicks keeps 2*ElectionTicks inside an int on every platform.
const maxElectionTicks = 1 << 30

// Validate reports the first problem with c, or nil. Zero and negative tick
// counts are errors; no field is filled in with a default.
func (c Config) Validate() error { return c.validate() }

func (c Config) validate() error {
	switch {
	case c.ElectionTicks <= 0:
		return fmt.Errorf("raft: ElectionTicks (%d) must be positive; start from DefaultConfig() for the defaults", c.ElectionTicks)
	case c.HeartbeatTicks <= 0:
		return fmt.Errorf("raft: HeartbeatTicks (%d) must be positive; start from DefaultConfig() for the defaults", c.HeartbeatTicks)
	case c.ElectionTicks > maxElectionTicks:
		return fmt.Errorf("raft: ElectionTicks (%d) must be at most %d", c.ElectionTicks, maxElectionTicks)
	case c.HeartbeatTicks >= c.ElectionTicks:
		return fmt.Errorf("raft: HeartbeatTicks (%d) must be less than ElectionTicks (%d): a follower would time out between heartbeats", c.HeartbeatTicks, c.ElectionTicks)
	}
	return nil
}

// Factory validates c once and returns a factory that builds machines with
// it, so that a bad Config fails at setup rather than at the first node.
func (c Config) Factory() (impl.MachineFactory, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	return func(mc impl.MachineConfig) (impl.Machine, error) {
		m, err := New(mc, c)
		if err != nil {
			// A nil *Machine in an impl.Machine would not compare equal to nil.
			return nil, err
		}
		return m, nil
	}, nil
}

package etcdraft

import (
	"fmt"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/specs/harness"
)

// Config chooses the library's timing and its optional election features.
// Start from DefaultConfig: a zero tick count is an error, not a default.
type Config struct {
	// ElectionTick is raft.Config.ElectionTick: a follower that hears no
	// leader for a timeout drawn from [ElectionTick, 2*ElectionTick) ticks
	// campaigns. It is also the CheckQuorum window and the leader lease.
	ElectionTick int
	// HeartbeatTick is raft.Config.HeartbeatTick: a leader heartbeats every
	// HeartbeatTick ticks.
	HeartbeatTick int
	// PreVote is raft.Config.PreVote (Raft thesis §9.6).
	PreVote bool
	// CheckQuorum is raft.Config.CheckQuorum: a leader that has not heard a
	// majority within ElectionTick ticks steps down, and a follower that
	// heard a leader within ElectionTick ignores vote requests.
	CheckQuorum bool
}

// DefaultConfig is the plain variant, with the reference election's timing
// (impl/raft.DefaultConfig) at the simulator's default 10 ms tick: election
// timeouts of 500-1000 ms and a heartbeat every 150 ms. The library draws
// its timeout the same way, from [ElectionTick, 2*ElectionTick) (raft.go,
// resetRandomizedElectionTimeout), so the same tick counts mean the same
// time, and results compare with the reference's. A leader then sends each
// follower 6.7 heartbeats a second, plus the odd empty MsgApp carrying a
// new commit index, which a heartbeat budget counts too: under 6.5840's
// limit of 10. The ratio is 3.3 rather than the library's suggested 10:
// three heartbeats per minimum timeout let a follower ride out a lost one,
// and a tenfold ratio would mean either 20 heartbeats a second or
// elections that take seconds.
func DefaultConfig() Config {
	return Config{ElectionTick: 50, HeartbeatTick: 15}
}

// Validate reports the first problem with c, or nil. The library panics on
// these in NewRawNode; the adapter says so as an error instead.
func (c Config) Validate() error {
	switch {
	case c.HeartbeatTick <= 0:
		return fmt.Errorf("etcdraft: HeartbeatTick (%d) must be positive; start from DefaultConfig()", c.HeartbeatTick)
	case c.ElectionTick <= c.HeartbeatTick:
		return fmt.Errorf("etcdraft: ElectionTick (%d) must be greater than HeartbeatTick (%d)", c.ElectionTick, c.HeartbeatTick)
	}
	return nil
}

// Factory validates c once and returns a factory that builds members
// with it, so that a bad Config fails at setup rather than at the first node.
func (c Config) Factory() (impl.MachineFactory, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c.build, nil
}

// build is the MachineFactory; it validates again because Target hands it
// out without a chance to return an error.
func (c Config) build(mc impl.MachineConfig) (impl.Machine, error) {
	m, err := New(mc, c)
	if err != nil {
		// A nil *Machine in an impl.Machine would not compare equal to nil.
		return nil, err
	}
	return m, nil
}

// Target is c as an implementation under test, with what it claims.
// OwnRandomness is always true: v3.6.0 draws each randomized election
// timeout from crypto/rand (raft.go: resetRandomizedElectionTimeout calls
// globalRand.Intn, a lockedRand whose Intn reads crypto/rand.Reader
// through rand.Int), and neither raft.Config nor RawNode has a hook to
// replace it, so MachineConfig.Rand cannot be used and a seed does not fix
// the run. Inside one serial test, testing/cryptotest.SetGlobalRandom does
// fix it, for the whole process (see TestReplayWithCryptotest); it cannot
// serve replays in general: it panics outside a test binary, such as the
// chaos command, and runs side by side would interleave their draws. A bad
// Config makes every member fail to build, with its error. Deviations
// name the specs whose expectations the variant misses by design, and why.
func (c Config) Target(name string) harness.Target {
	return harness.Target{
		Name:          name,
		Machine:       c.build,
		PreVote:       c.PreVote,
		CheckQuorum:   c.CheckQuorum,
		OwnRandomness: true,
		Deviations:    c.deviations(),
	}
}

package specs_test

import (
	"testing"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/driver"
	"github.com/ballot-go/ballot/impl/raft"
	"github.com/ballot-go/ballot/specs"
	"github.com/ballot-go/ballot/specs/harness"
)

// The reference election runs the whole suite three times: as plain Raft
// §5.2, with PreVote, and with PreVote and CheckQuorum, whose expectations
// differ.
var (
	_ = specs.Conformance(harness.Target{Name: "reference", Machine: reference(raft.DefaultConfig()), HeartbeatBudget: budget})
	_ = specs.Conformance(harness.Target{Name: "reference with PreVote", Machine: reference(withPreVote()), PreVote: true, HeartbeatBudget: budget})
	_ = specs.Conformance(harness.Target{
		Name: "reference with PreVote and CheckQuorum", Machine: reference(withPreVoteCheckQuorum()),
		PreVote: true, CheckQuorum: true, HeartbeatBudget: budget,
	})
)

// The same election as goroutines, through the driver: in virtual time it
// runs the whole suite; in real time, the subset labelled realtime.
var (
	_ = specs.Conformance(harness.Target{Name: "reference as goroutines", Node: driver.Node(reference(raft.DefaultConfig()), tick), HeartbeatBudget: budget})
	_ = specs.Conformance(harness.Target{
		Name: "reference as goroutines in real time", Node: driver.Node(reference(raft.DefaultConfig()), tick), Realtime: true, HeartbeatBudget: budget,
	})
)

// budget is what the reference promises: a heartbeat every 150 ms is under
// the 6.5840 rule of ten a second.
const budget = 10

// tick is the driver's tick, the simulator's default.
const tick = 10 * time.Millisecond

func withPreVote() raft.Config {
	cfg := raft.DefaultConfig()
	cfg.PreVote = true
	return cfg
}

func withPreVoteCheckQuorum() raft.Config {
	cfg := raft.DefaultConfig()
	cfg.PreVote, cfg.CheckQuorum = true, true
	return cfg
}

func reference(cfg raft.Config) impl.MachineFactory {
	factory, err := cfg.Factory()
	if err != nil {
		panic(err) // a bug in this file, not in a user's input
	}
	return factory
}

func TestSpecs(t *testing.T) {
	specs.RunSuite(t, "ballot conformance")
}

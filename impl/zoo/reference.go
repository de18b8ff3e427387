package zoo

import (
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/driver"
	"github.com/ballot-go/ballot/impl/raft"
	"github.com/ballot-go/ballot/specs/harness"
)

// Reference returns ballot's own election, as a Machine (plain, with
// PreVote, and with PreVote and CheckQuorum) and as goroutines through the
// driver: the
// baseline every row of the detection matrix is read against.
func Reference() []Entry {
	plain, prevote, both := raft.DefaultConfig(), raft.DefaultConfig(), raft.DefaultConfig()
	prevote.PreVote = true
	both.PreVote, both.CheckQuorum = true, true
	return []Entry{
		{Sound: true, Target: harness.Target{Name: "reference", Machine: factory(plain), HeartbeatBudget: referenceBudget}},
		{Sound: true, Target: harness.Target{
			Name: "reference with PreVote", Machine: factory(prevote), PreVote: true, HeartbeatBudget: referenceBudget,
		}},
		{Sound: true, Target: harness.Target{
			Name: "reference with PreVote and CheckQuorum", Machine: factory(both),
			PreVote: true, CheckQuorum: true, HeartbeatBudget: referenceBudget,
		}},
		{Sound: true, Target: harness.Target{
			Name: "reference as goroutines", Node: driver.Node(factory(plain), 10*time.Millisecond), HeartbeatBudget: referenceBudget,
		}},
	}
}

// referenceBudget is what the reference promises: a heartbeat every 150 ms
// keeps it under the 6.5840 rule of ten a second.
const referenceBudget = 10

func factory(cfg raft.Config) impl.MachineFactory {
	f, err := cfg.Factory()
	if err != nil {
		panic(err) // the default configuration is valid; this is a bug here
	}
	return f
}

package hashiraft

import (
	"github.com/ballot-go/ballot/specs/harness"
)

// Target is the conformance target of nodes that run c, declared as the
// library behaves:
//   - PreVote as c says;
//   - CheckQuorum: a leader that has not heard from a majority for
//     LeaderLeaseTimeout steps down (raft.go, checkLeaderLease), whatever
//     the configuration;
//   - the heartbeat budget c keeps (Config.HeartbeatBudget);
//   - the wire record read by Classify.
func (c Config) Target(name string) (harness.Target, error) {
	factory, err := c.Factory()
	if err != nil {
		return harness.Target{}, err
	}
	return harness.Target{
		Name:            name,
		Node:            factory,
		Classify:        Classify,
		PreVote:         c.PreVote,
		CheckQuorum:     true,
		HeartbeatBudget: c.HeartbeatBudget(),
	}, nil
}

package hashiraft_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/adapters/hashiraft"
	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/specs/harness"
)

// Three nodes on ballot's network, in virtual time: a leader, the leader
// crashed and restarted, and every node stopped. ballot's leak check looks
// for goroutines of each stopped node, and every other checker judges the
// history.
func TestClusterCrashRestartAndStop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		target, err := hashiraft.DefaultConfig().Target("hashicorp/raft")
		if err != nil {
			t.Fatal(err)
		}
		c, err := harness.New(target, harness.Config{Nodes: 3, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		leader, _, err := c.CheckOneLeader()
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Crash(leader); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.CheckOneLeader(); err != nil {
			t.Fatal(err)
		}
		if err := c.Restart(leader); err != nil {
			t.Fatal(err)
		}
		c.RunFor(3 * time.Second)
		c.Close()
		for _, r := range c.Check() {
			if r.Outcome != checker.Ok {
				t.Errorf("%v", r)
			}
		}
	})
}

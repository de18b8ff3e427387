package etcdraft_test

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/adapters/etcdraft"
	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/specs/harness"
)

// The library with PreVote and CheckQuorum, as etcd runs it: three
// members recorded for ten virtual seconds, then every checker over the
// history.
func Example() {
	cfg := etcdraft.DefaultConfig()
	cfg.PreVote, cfg.CheckQuorum = true, true
	c, err := harness.New(cfg.Target("etcd-raft-prevote-checkquorum"), harness.Config{Nodes: 3, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	c.RunFor(10 * time.Second)
	c.Close()
	fmt.Println("violations:", checker.Failed(c.Check()))
	// Output: violations: false
}

// A factory drives the members in ballot's simulator directly.
func ExampleConfig_Factory() {
	factory, err := etcdraft.DefaultConfig().Factory()
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := sim.New(sim.Config{Nodes: 5, Seed: 1, Factory: factory})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	elected := s.RunUntil(5*time.Second, func() bool { _, ok := s.Leader(); return ok })
	fmt.Println("leader within 5s:", elected)
	// Output: leader within 5s: true
}

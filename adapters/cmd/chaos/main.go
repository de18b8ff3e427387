// Command chaos is ballot's chaos command with etcd-io/raft and
// hashicorp/raft among its implementations, so that they run beside the
// reference and the zoo:
//
//	go run ./cmd/chaos run --impl etcd-raft-prevote --seeds 200
//	go run ./cmd/chaos compare --out ../REPORT_CARD.md
package main

import (
	"fmt"
	"os"

	"github.com/ballot-go/ballot/adapters/etcdraft"
	"github.com/ballot-go/ballot/adapters/hashiraft"
	"github.com/ballot-go/ballot/cmd/chaos/cli"
	"github.com/ballot-go/ballot/specs/harness"
)

func main() {
	targets, err := libraries()
	if err != nil {
		fmt.Fprintln(os.Stderr, "chaos:", err)
		os.Exit(2)
	}
	os.Exit(cli.Main(targets...))
}

// libraries are both libraries in the variants their users run.
func libraries() ([]harness.Target, error) {
	plain := etcdraft.DefaultConfig()
	prevote := plain
	prevote.PreVote = true
	both := prevote
	both.CheckQuorum = true
	targets := []harness.Target{
		plain.Target("etcd-raft"), prevote.Target("etcd-raft-prevote"), both.Target("etcd-raft-prevote-checkquorum"),
	}
	for _, preVote := range []bool{true, false} {
		c := hashiraft.DefaultConfig()
		c.PreVote = preVote
		t, err := c.Target(map[bool]string{true: "hashicorp-raft", false: "hashicorp-raft-no-prevote"}[preVote])
		if err != nil {
			return nil, err
		}
		targets = append(targets, t)
	}
	return targets, nil
}

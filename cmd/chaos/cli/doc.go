// Package cli is the chaos command line, importable so that an
// implementation's own module gets the whole of it with its targets in the
// catalog. A main.go of five lines:
//
//	package main
//
//	import (
//		"os"
//
//		"github.com/ballot-go/ballot/cmd/chaos/cli"
//		"github.com/ballot-go/ballot/impl/labrpc"
//		"github.com/ballot-go/ballot/specs/harness"
//		"example.com/mylab/raft"
//	)
//
//	func main() {
//		os.Exit(cli.Main(harness.Target{Name: "mine", Node: labrpc.Node(raft.Make), HeartbeatBudget: labrpc.HeartbeatBudget}))
//	}
//
// Then go run . run --seeds 100 runs a sweep of "mine", in virtual time,
// and go run . list shows it first. Main runs everything inside a test of
// the testing package (testing.Main): a goroutine node runs in a
// testing/synctest bubble, and a bubble hangs off a running test.
//
// The commands: run (one seed, or a sweep with --seeds, perhaps one
// --shard of it; real processes with --cluster FILE), list, check (judge a
// saved history), replay (run a saved seed again), shrink (the smallest
// schedule that still fails), merge (join the shards of a sweep) and node
// (the reference election as a real process, impl/tcpnode). Exit codes: 0 clean, 1 a finding, 2 a
// mistake on the command line, found before anything ran.
package cli

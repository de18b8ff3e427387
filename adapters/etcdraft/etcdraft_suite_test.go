package etcdraft_test

import (
	"flag"
	"os"
	"testing"

	"github.com/ballot-go/ballot/adapters/etcdraft"
	"github.com/ballot-go/ballot/checker/report"
	"github.com/ballot-go/ballot/specs"
)

// The three ways etcd-io/raft is run in practice, each through ballot's
// whole conformance suite.
var (
	plain       = etcdraft.DefaultConfig()
	prevote     = withPreVote(plain)
	checkquorum = withCheckQuorum(prevote)

	_ = specs.Conformance(plain.Target("etcd-raft"))
	_ = specs.Conformance(prevote.Target("etcd-raft-prevote"))
	_ = specs.Conformance(checkquorum.Target("etcd-raft-prevote-checkquorum"))
)

func withPreVote(c etcdraft.Config) etcdraft.Config {
	c.PreVote = true
	return c
}

func withCheckQuorum(c etcdraft.Config) etcdraft.Config {
	c.CheckQuorum = true
	return c
}

// TestConformance keeps failing specs' run directories under t.TempDir()
// unless -ballot.runs or BALLOT_RUNS says where to keep them: the default,
// the user's cache, is shared, and a suite prunes its oldest entries.
func TestConformance(t *testing.T) {
	if os.Getenv(report.RunsEnv) == "" && flag.Lookup(specs.RunsFlag).Value.String() == "" {
		t.Setenv(report.RunsEnv, t.TempDir())
	}
	specs.RunSuite(t, "etcd-io/raft v3.6.0")
}

package specs_test

import (
	"testing"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/raft"
	"github.com/ballot-go/ballot/specs"
	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// The reference election runs the whole suite twice: as plain Raft §5.2,
// and with PreVote and CheckQuorum, whose expectations differ.
var (
	_ = specs.Conformance(harness.Target{Name: "reference", Machine: reference(raft.DefaultConfig())})
	_ = specs.Conformance(harness.Target{
		Name: "reference with PreVote and CheckQuorum", Machine: reference(withPreVoteCheckQuorum()),
		PreVote: true, CheckQuorum: true,
	})
)

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
	RegisterFailHandler(Fail)
	RunSpecs(t, "ballot conformance")
}

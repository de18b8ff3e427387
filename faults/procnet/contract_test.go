package procnet_test

import (
	"os"
	"testing"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/networktest"
	"github.com/ballot-go/ballot/faults/procnet"
)

// The process network keeps the network contract for every behaviour a
// TCP proxy allows, and refuses, as it declares, rules on single messages.
// Its nodes are this test binary running the contract's probes, which
// report to the contract over loopback.
func TestProcessNetworkKeepsTheContract(t *testing.T) {
	switch {
	case testing.Short():
		t.Skip("starts real processes for each behaviour: skipped with -short")
	case raceEnabled:
		t.Skip("real processes in real time: run without -race (.ci/run does)")
	}
	err := networktest.Check(func(cfg networktest.Config) (faults.Network, error) {
		addr, err := cfg.ProbeServer()
		if err != nil {
			return nil, err
		}
		t.Setenv(nodeEnv, "probe")
		t.Setenv(probeEnv, addr)
		pc := procnet.Config{Dir: t.TempDir(), Seed: cfg.Seed, Tracer: cfg.Tracer}
		for i := range cfg.Nodes {
			pc.Nodes = append(pc.Nodes, procnet.NodeSpec{ID: i, Command: []string{os.Args[0]}})
		}
		return procnet.New(pc)
	})
	if err != nil {
		t.Fatal(err)
	}
}

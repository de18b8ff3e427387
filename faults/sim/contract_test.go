package sim_test

import (
	"testing"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/networktest"
	"github.com/ballot-go/ballot/faults/sim"
)

func TestNetworkContract(t *testing.T) {
	err := networktest.Check(func(cfg networktest.Config) (faults.Network, error) {
		return sim.New(sim.Config{Nodes: cfg.Nodes, Seed: cfg.Seed, Factory: cfg.Factory, Tracer: cfg.Tracer})
	})
	if err != nil {
		t.Fatal(err)
	}
}

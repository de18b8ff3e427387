package networktest_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/networktest"
	"github.com/ballot-go/ballot/faults/sim"
)

// pauseless is a network with two bugs: Pause does nothing, and its errors
// are plain strings.
type pauseless struct{ *sim.Sim }

func (p pauseless) Pause(int) error  { return nil }
func (p pauseless) Resume(int) error { return nil }
func (p pauseless) Restart(n int) error {
	if err := p.Sim.Restart(n); err != nil {
		return errors.New(err.Error())
	}
	return nil
}

func TestContractCatchesAWrongNetwork(t *testing.T) {
	err := networktest.Check(func(cfg networktest.Config) (faults.Network, error) {
		s, err := sim.New(sim.Config{Nodes: cfg.Nodes, Seed: cfg.Seed, Factory: cfg.Factory, Tracer: cfg.Tracer})
		return pauseless{s}, err
	})
	if err == nil {
		t.Fatal("a network whose Pause does nothing passed the contract")
	}
	t.Logf("the contract's verdict:\n%v", err)
	for _, broken := range []string{
		"errors wrap the sentinels: Restart of a running node returned",
		"every change pushes a topology: after node 2 paused",
		"pause holds traffic, and stops timers if the network says it does: paused node 1 received",
	} {
		if !strings.Contains(err.Error(), broken) {
			t.Errorf("the contract's verdict does not say %q:\n%v", broken, err)
		}
	}
	if strings.Contains(err.Error(), "a cut loses") || strings.Contains(err.Error(), "leader") {
		t.Errorf("the contract blamed behaviour the network gets right:\n%v", err)
	}
}

// misdeclared is the simulator declaring what the RPC network does: a
// paused node's timers run, and no skew.
type misdeclared struct{ *sim.Sim }

func (misdeclared) Capabilities() faults.Capabilities {
	return faults.Capabilities{Pause: faults.PauseHoldsTraffic}
}

func TestContractHoldsANetworkToItsCapabilities(t *testing.T) {
	err := networktest.Check(func(cfg networktest.Config) (faults.Network, error) {
		s, err := sim.New(sim.Config{Nodes: cfg.Nodes, Seed: cfg.Seed, Factory: cfg.Factory, Tracer: cfg.Tracer})
		return misdeclared{s}, err
	})
	if err == nil {
		t.Fatal("a network that misdeclares its capabilities passed the contract")
	}
	for _, broken := range []string{
		"paused node 1 never ticked: declare PauseFreezes",
		"the network declares no Skew, and Skew(1, 2) returned <nil>",
	} {
		if !strings.Contains(err.Error(), broken) {
			t.Errorf("the contract's verdict does not say %q:\n%v", broken, err)
		}
	}
}

package rpcnet_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/networktest"
	"github.com/ballot-go/ballot/faults/rpcnet"
	"github.com/ballot-go/ballot/impl/driver"
)

func TestNetworkContract(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		err := networktest.Check(func(cfg networktest.Config) (faults.Network, error) {
			return rpcnet.New(rpcnet.Config{Nodes: cfg.Nodes, Seed: cfg.Seed, Factory: driver.Node(cfg.Factory, 10*time.Millisecond), Tracer: cfg.Tracer})
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

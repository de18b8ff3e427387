package rpcnet_test

import (
	"testing"

	"github.com/ballot-go/ballot/faults/rpcnet"
)

func TestOwnerReadsTheLabelScheme(t *testing.T) {
	cases := []struct {
		node, owner string
		nodes       bool
	}{
		{"", "the scenario and the test framework", false},
		{rpcnet.FrameworkRole, "the network", false},
		{rpcnet.PollerPrefix + "2", "node 2's State() call", true},
		{"3", "node 3", true},
	}
	for _, c := range cases {
		labels := map[string]string{}
		if c.node != "" {
			labels[rpcnet.LabelNode] = c.node
		}
		if got := rpcnet.Owner(labels); got != c.owner {
			t.Errorf("Owner(%q) = %q; want %q", c.node, got, c.owner)
		}
		if got := rpcnet.NodeOwned(labels); got != c.nodes {
			t.Errorf("NodeOwned(%q) = %t; want %t", c.node, got, c.nodes)
		}
	}
}

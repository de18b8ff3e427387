package harness

import (
	"fmt"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// Grudge keys owned by the cluster's own connectivity helpers; faults
// injected through Inject use keys of their own, and all of them compose.
const (
	keyDisconnect = "harness/disconnect"
	keyPartition  = "harness/partition"
)

// Disconnect cuts node n off from every other node in both directions, as
// 6.5840's disconnect does. The node keeps running.
func (c *Cluster) Disconnect(nodes ...int) error {
	return c.setConnected(false, nodes)
}

// Connect undoes Disconnect for the given nodes. A node is reconnected only
// to nodes that are themselves connected.
func (c *Cluster) Connect(nodes ...int) error {
	return c.setConnected(true, nodes)
}

// Connected reports whether node n is connected in the 6.5840 sense.
func (c *Cluster) Connected(n int) bool { return !c.disconnected[n] }

func (c *Cluster) setConnected(on bool, nodes []int) error {
	for _, n := range nodes {
		if err := c.checkNode(n); err != nil {
			return err
		}
	}
	for _, n := range nodes {
		c.disconnected[n] = !on
	}
	var isolated []int
	for n, off := range c.disconnected {
		if off {
			isolated = append(isolated, n)
		}
	}
	verb := map[bool]string{true: "connect", false: "disconnect"}[on]
	mark := c.rec.mark()
	c.b.SetGrudge(keyDisconnect, faults.Isolate(c.cfg.Nodes, isolated...))
	c.relabel(mark, nodeOrNone(nodes), fmt.Sprintf("%s %v", verb, nodes))
	return nil
}

// Partition replaces the cluster's partition with g (see the builders in
// package faults). Disconnected nodes stay disconnected.
func (c *Cluster) Partition(g faults.Grudge) {
	c.partition = g
	mark := c.rec.mark()
	c.b.SetGrudge(keyPartition, g)
	c.relabel(mark, impl.None, "partition "+g.String())
}

// HealPartition removes the partition and reconnects every node. Faults injected with
// Inject stay until they are healed with HealFault.
func (c *Cluster) HealPartition() {
	mark := c.rec.mark()
	c.partition = nil
	c.b.ClearGrudge(keyPartition)
	for n := range c.disconnected {
		c.disconnected[n] = false
	}
	c.b.ClearGrudge(keyDisconnect)
	c.relabel(mark, impl.None, "heal")
}

func nodeOrNone(nodes []int) int {
	if len(nodes) == 1 {
		return nodes[0]
	}
	return impl.None
}

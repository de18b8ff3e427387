package rpcnet

import (
	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// Status is node i's latest status; Role is impl.Down while it is stopped.
func (n *Network) Status(i int) impl.Status {
	if !n.valid(i) {
		return impl.DownStatus(i, 0)
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	m := n.members[i]
	if !m.live {
		return impl.DownStatus(i, m.status.Term)
	}
	return m.status
}

// Live reports whether node i runs and is not paused.
func (n *Network) Live(i int) bool {
	if !n.valid(i) {
		return false
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.members[i].live && !n.members[i].paused
}

// Leader returns the live node that leads the highest term, if any.
func (n *Network) Leader() (node int, ok bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	node, _ = faults.HighestLeader(func(yield func(int, impl.Status) bool) {
		for i, m := range n.members {
			if m.live && !m.paused && !yield(i, m.status) {
				return
			}
		}
	})
	return node, node != impl.None
}

// Topology describes the network now, as the simulator's does. Rates is
// always nil: a goroutine node's clock cannot be skewed.
func (n *Network) Topology() faults.Topology {
	n.mu.Lock()
	defer n.mu.Unlock()
	t := faults.Topology{Live: make([]bool, n.cfg.Nodes), Cut: n.links.CutMatrix(), Lossy: n.links.Lossy(), Faulty: n.links.Faulty()}
	for i, m := range n.members {
		t.Live[i] = m.live && !m.paused
		t.Faulty = t.Faulty || !t.Live[i]
	}
	return t
}

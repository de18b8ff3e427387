package rpcnet

import (
	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// Status is node i's latest status; Role is impl.Down while it is stopped.
func (n *Net) Status(i int) impl.Status {
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
func (n *Net) Live(i int) bool {
	if !n.valid(i) {
		return false
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.members[i].live && !n.members[i].paused
}

// Leader returns the live node that leads the highest term, if any.
func (n *Net) Leader() (node int, ok bool) {
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

// Net describes the network now, as the Machine simulator's Net does.
func (n *Net) Net() (live []bool, cut [][]bool, faulty bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	live = make([]bool, n.cfg.Nodes)
	faulty = n.links.Faulty()
	for i, m := range n.members {
		live[i] = m.live && !m.paused
		faulty = faulty || !live[i]
	}
	return live, n.links.CutMatrix(), faulty
}

// Rates is always nil: a goroutine node's clock cannot be skewed.
func (n *Net) Rates() []float64 { return nil }

// Lossy marks the links an active rule drops, delays or duplicates on.
func (n *Net) Lossy() [][]bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.links.Lossy()
}

package rpcnet

import (
	"fmt"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// SetGrudge adds or replaces the grudge under key. Calls in flight on a link
// it cuts are lost when they arrive.
func (n *Network) SetGrudge(key string, g faults.Grudge) {
	n.mu.Lock()
	n.links.SetGrudge(key, g)
	n.mu.Unlock()
	n.traceTopology(impl.None, "grudge set")
}

// ClearGrudge removes the grudge under key.
func (n *Network) ClearGrudge(key string) {
	n.mu.Lock()
	n.links.ClearGrudge(key)
	n.mu.Unlock()
	n.traceTopology(impl.None, "grudge cleared")
}

// SetRule adds or replaces the link rule under key.
func (n *Network) SetRule(key string, r faults.LinkRule) error {
	n.mu.Lock()
	err := n.links.SetRule(key, r)
	n.mu.Unlock()
	if err != nil {
		return fmt.Errorf("rpcnet: %w", err)
	}
	n.traceTopology(impl.None, "rule set")
	return nil
}

// ClearRule removes the rule under key.
func (n *Network) ClearRule(key string) {
	n.mu.Lock()
	n.links.ClearRule(key)
	n.mu.Unlock()
	n.traceTopology(impl.None, "rule cleared")
}

// Crash stops node i; only its Storage survives.
func (n *Network) Crash(i int) error {
	if !n.valid(i) {
		return n.noSuchNode(i)
	}
	if !n.stopMember(i, "crash") {
		return faults.NodeError("rpcnet", i, faults.ErrCrashed, "it is crashed already")
	}
	n.traceTopology(i, "crash")
	return nil
}

// Restart builds a fresh node i from its Storage.
func (n *Network) Restart(i int) error {
	if !n.valid(i) {
		return n.noSuchNode(i)
	}
	n.mu.Lock()
	live := n.members[i].live
	n.mu.Unlock()
	if live {
		return faults.NodeError("rpcnet", i, faults.ErrNotCrashed, "crash it before restarting it")
	}
	if err := n.boot(i); err != nil {
		return err
	}
	n.traceTopology(i, "restart")
	return nil
}

// Pause holds node i's traffic: calls to it and from it wait until Resume.
// Its own timers keep running (a goroutine cannot be frozen from outside),
// so it behaves like a process whose network stalled, not like SIGSTOP.
func (n *Network) Pause(i int) error {
	if !n.valid(i) {
		return n.noSuchNode(i)
	}
	n.mu.Lock()
	m := n.members[i]
	var err error
	switch {
	case !m.live:
		err = faults.NodeError("rpcnet", i, faults.ErrCrashed, "it cannot be paused")
	case m.paused:
		err = faults.NodeError("rpcnet", i, faults.ErrPaused, "")
	default:
		m.paused, m.resumed = true, make(chan struct{})
	}
	n.mu.Unlock()
	if err == nil {
		n.traceTopology(i, "pause")
	}
	return err
}

// Resume releases the traffic Pause held.
func (n *Network) Resume(i int) error {
	if !n.valid(i) {
		return n.noSuchNode(i)
	}
	n.mu.Lock()
	m := n.members[i]
	if !m.paused {
		n.mu.Unlock()
		return faults.NodeError("rpcnet", i, faults.ErrNotPaused, "")
	}
	m.paused = false
	close(m.resumed)
	n.mu.Unlock()
	n.traceTopology(i, "resume")
	return nil
}

// Skew is not possible: a goroutine node reads the process's clock.
func (n *Network) Skew(i int, rate float64) error {
	return fmt.Errorf("%w: clock skew of a goroutine node (it reads the process clock)", faults.ErrUnsupported)
}

func (n *Network) noSuchNode(i int) error {
	return faults.NodeError("rpcnet", i, faults.ErrNoSuchNode, fmt.Sprintf("nodes are 0 to %d", n.cfg.Nodes-1))
}

// Capabilities are the RPC network's: Pause holds a node's traffic while
// its timers run, and Skew is unsupported, because a goroutine node's
// timers and clock are the process's own.
func Capabilities() faults.Capabilities {
	return faults.Capabilities{Pause: faults.PauseHoldsTraffic, Messages: true}
}

// Capabilities implements faults.Network.
func (n *Network) Capabilities() faults.Capabilities { return Capabilities() }

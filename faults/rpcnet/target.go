package rpcnet

import (
	"fmt"

	"github.com/ballot-go/ballot/faults"
)

// SetGrudge adds or replaces the grudge under key. Calls in flight on a link
// it cuts are lost when they arrive.
func (n *Net) SetGrudge(key string, g faults.Grudge) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.links.SetGrudge(key, g)
}

// ClearGrudge removes the grudge under key.
func (n *Net) ClearGrudge(key string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.links.ClearGrudge(key)
}

// SetRule adds or replaces the link rule under key.
func (n *Net) SetRule(key string, r faults.LinkRule) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if err := n.links.SetRule(key, r); err != nil {
		return fmt.Errorf("rpcnet: %w", err)
	}
	return nil
}

// ClearRule removes the rule under key.
func (n *Net) ClearRule(key string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.links.ClearRule(key)
}

// Crash stops node i; only its Storage survives.
func (n *Net) Crash(i int) error {
	if !n.valid(i) {
		return n.noSuchNode(i)
	}
	if !n.stopMember(i, "crash") {
		return faults.NodeError("rpcnet", i, faults.ErrCrashed, "it is crashed already")
	}
	return nil
}

// Restart builds a fresh node i from its Storage.
func (n *Net) Restart(i int) error {
	if !n.valid(i) {
		return n.noSuchNode(i)
	}
	n.mu.Lock()
	live := n.members[i].live
	n.mu.Unlock()
	if live {
		return faults.NodeError("rpcnet", i, faults.ErrNotCrashed, "crash it before restarting it")
	}
	return n.boot(i)
}

// Pause holds node i's traffic: calls to it and from it wait until Resume.
// Its own timers keep running (a goroutine cannot be frozen from outside),
// so it behaves like a process whose network stalled, not like SIGSTOP.
func (n *Net) Pause(i int) error {
	if !n.valid(i) {
		return n.noSuchNode(i)
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	m := n.members[i]
	switch {
	case !m.live:
		return faults.NodeError("rpcnet", i, faults.ErrCrashed, "it cannot be paused")
	case m.paused:
		return faults.NodeError("rpcnet", i, faults.ErrPaused, "")
	}
	m.paused, m.resumed = true, make(chan struct{})
	return nil
}

// Resume releases the traffic Pause held.
func (n *Net) Resume(i int) error {
	if !n.valid(i) {
		return n.noSuchNode(i)
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	m := n.members[i]
	if !m.paused {
		return faults.NodeError("rpcnet", i, faults.ErrNotPaused, "")
	}
	m.paused = false
	close(m.resumed)
	return nil
}

// Skew is not possible: a goroutine node reads the process's clock.
func (n *Net) Skew(i int, rate float64) error {
	return fmt.Errorf("%w: clock skew of a goroutine node (it reads the process clock)", faults.ErrUnsupported)
}

func (n *Net) noSuchNode(i int) error {
	return faults.NodeError("rpcnet", i, faults.ErrNoSuchNode, fmt.Sprintf("nodes are 0 to %d", n.cfg.Nodes-1))
}

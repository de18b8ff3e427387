package procnet

import (
	"fmt"
	"syscall"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// Size is the number of nodes.
func (n *Network) Size() int { return len(n.cfg.Nodes) }

// Status is node i's last status read from /state; impl.Down while it is down.
func (n *Network) Status(i int) impl.Status {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.members[i].last
}

// Live reports whether node i runs: neither crashed nor paused.
func (n *Network) Live(i int) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.members[i].live && !n.members[i].paused
}

// Leader is the live node that leads the highest term, if any.
func (n *Network) Leader() (int, bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	node, _ := faults.HighestLeader(func(yield func(int, impl.Status) bool) {
		for i, m := range n.members {
			if m.live && !m.paused && !yield(i, m.last) {
				return
			}
		}
	})
	return node, node != impl.None
}

// Topology is the network now.
func (n *Network) Topology() faults.Topology {
	n.mu.Lock()
	defer n.mu.Unlock()
	t := faults.Topology{Live: make([]bool, len(n.members)), Cut: n.links.CutMatrix(), Lossy: n.links.Lossy(),
		Faulty: n.links.Faulty() || len(n.halfOpen) > 0}
	if n.cfg.PerMember {
		t.Cut = symmetric(t.Cut)
	}
	for i, m := range n.members {
		t.Live[i] = m.live && !m.paused
		t.Faulty = t.Faulty || !t.Live[i]
	}
	return t
}

// SetGrudge cuts the links g names, at their proxies.
func (n *Network) SetGrudge(key string, g faults.Grudge) {
	n.changeLinks(func() { n.links.SetGrudge(key, g) }, "grudge set")
}

// ClearGrudge heals what SetGrudge cut.
func (n *Network) ClearGrudge(key string) {
	n.changeLinks(func() { n.links.ClearGrudge(key) }, "grudge cleared")
}

// SetRule delays or cuts whole links. Dropping or duplicating some
// messages, or picking them by kind, is unsupported: see checkRule.
func (n *Network) SetRule(key string, r faults.LinkRule) error {
	if err := checkRule(r); err != nil {
		return err
	}
	var err error
	n.changeLinks(func() { err = n.links.SetRule(key, r) }, "rule set")
	return err
}

// ClearRule removes a rule.
func (n *Network) ClearRule(key string) {
	n.changeLinks(func() { n.links.ClearRule(key) }, "rule cleared")
}

func (n *Network) changeLinks(change func(), why string) {
	n.mu.Lock()
	change()
	n.applyLinks()
	n.mu.Unlock()
	n.push.Changed(impl.None, why)
}

// Crash kills node i's process group with SIGKILL. Its data directory stays.
func (n *Network) Crash(i int) error {
	m, err := n.startedMember(i)
	if err != nil {
		return err
	}
	n.mu.Lock()
	if !m.live {
		n.mu.Unlock()
		return faults.NodeError("procnet", i, faults.ErrCrashed, "")
	}
	m.live, m.paused = false, false
	m.last = impl.DownStatus(i, m.last.Term)
	down := m.last
	n.mu.Unlock()
	m.proc.kill()
	n.push.Status(down)
	n.push.Changed(i, "crash")
	return nil
}

// Restart starts node i's command again, in the same data directory, and
// waits until it serves /state.
func (n *Network) Restart(i int) error {
	m, err := n.startedMember(i)
	if err != nil {
		return err
	}
	n.mu.Lock()
	live := m.live
	n.mu.Unlock()
	if live {
		return faults.NodeError("procnet", i, faults.ErrNotCrashed, "crash it before restarting it")
	}
	if err := n.boot(i); err != nil {
		return err
	}
	n.push.Changed(i, "restart")
	return nil
}

// Pause stops node i's process group with SIGSTOP: no timers, no traffic.
func (n *Network) Pause(i int) error {
	return n.stopOrContinue(i, true)
}

// Resume continues it with SIGCONT.
func (n *Network) Resume(i int) error {
	return n.stopOrContinue(i, false)
}

func (n *Network) stopOrContinue(i int, pause bool) error {
	m, err := n.startedMember(i)
	if err != nil {
		return err
	}
	if err := n.signalPause(m, i, pause); err != nil {
		return err
	}
	n.push.Changed(i, map[bool]string{true: "pause", false: "resume"}[pause])
	return nil
}

// signalPause sends SIGSTOP or SIGCONT to node i's group, if its state
// allows it.
func (n *Network) signalPause(m *member, i int, pause bool) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	switch {
	case !m.live:
		return faults.NodeError("procnet", i, faults.ErrCrashed, "it cannot be paused or resumed")
	case pause && m.paused:
		return faults.NodeError("procnet", i, faults.ErrPaused, "")
	case !pause && !m.paused:
		return faults.NodeError("procnet", i, faults.ErrNotPaused, "")
	}
	sig := syscall.SIGCONT
	if pause {
		sig = syscall.SIGSTOP
	}
	if err := m.proc.signal(sig); err != nil {
		return fmt.Errorf("procnet: node %d: %v: %w", i, sig, err)
	}
	m.paused = pause
	return nil
}

// Skew is unsupported: a process reads the machine's clock.
func (n *Network) Skew(int, float64) error {
	return fmt.Errorf("%w: clock skew of a process (it reads the machine's clock)", faults.ErrUnsupported)
}

// Capabilities are the process network's: Pause is SIGSTOP, Skew is
// unsupported, the proxies cut and delay whole links, not messages, and
// they can leave live connections half-open.
func Capabilities() faults.Capabilities {
	return faults.Capabilities{Pause: faults.PauseFreezes, HalfOpen: true}
}

// Capabilities implements faults.Network.
func (n *Network) Capabilities() faults.Capabilities { return Capabilities() }

// startedMember is node i, if ballot started it and so can signal it.
func (n *Network) startedMember(i int) (*member, error) {
	if !n.valid(i) {
		return nil, n.noSuchNode(i)
	}
	m := n.members[i]
	if len(m.spec.Command) == 0 {
		return nil, fmt.Errorf("%w: node %d: %v", faults.ErrUnsupported, i, errNotStarted)
	}
	return m, nil
}

// Pids are the process ids of the nodes ballot started, for a caller that
// checks none is left after Close.
func (n *Network) Pids() []int {
	n.mu.Lock()
	defer n.mu.Unlock()
	var pids []int
	for _, m := range n.members {
		if m.proc != nil {
			pids = append(pids, m.proc.pid())
		}
	}
	return pids
}

// Addresses are what ballot gave node i: its listen, state and peer
// addresses and its directory.
func (n *Network) Addresses(i int) Addresses {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.members[i].addrs
}

package sim

import (
	"fmt"
	"math/rand/v2"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// This file makes *Sim a faults.Target. Every change takes effect at Now.

// maxSkew bounds Skew so that one tick round stays a bounded amount of work.
const maxSkew = 1000

// Size is the number of nodes.
func (s *Sim) Size() int { return s.n }

// Rand is the fault layer's randomness, a stream of the run's seed separate
// from the network's, so a fault's choices do not shift message fates.
func (s *Sim) Rand() *rand.Rand { return s.faultRand }

// Leader returns the live (neither crashed nor paused) node that believes
// it leads the highest term; on a tie, which is a safety violation, the
// lowest id.
func (s *Sim) Leader() (node int, ok bool) {
	node, _ = faults.HighestLeader(func(yield func(int, impl.Status) bool) {
		for i := range s.nodes {
			if nd := &s.nodes[i]; !nd.crashed && !nd.paused && !yield(i, s.Status(i)) {
				return
			}
		}
	})
	return node, node != impl.None
}

// SetGrudge adds or replaces the grudge under key. Messages in flight on
// links it cuts are dropped now.
func (s *Sim) SetGrudge(key string, g faults.Grudge) {
	s.links.SetGrudge(key, g)
	s.dropCutInFlight()
	s.log.Debug("grudge set", "at", s.now, "key", key, "grudge", g.String())
	s.traceTopology(impl.None, "grudge set")
}

// ClearGrudge removes the grudge under key, if any.
func (s *Sim) ClearGrudge(key string) {
	s.links.ClearGrudge(key)
	s.log.Debug("grudge cleared", "at", s.now, "key", key)
	s.traceTopology(impl.None, "grudge cleared")
}

// SetRule adds the rule under key, or replaces it in place. Rules apply to
// messages sent from now on, in the order their keys were first set.
func (s *Sim) SetRule(key string, r faults.LinkRule) error {
	if err := s.links.SetRule(key, r); err != nil {
		return fmt.Errorf("sim: %w", err)
	}
	s.log.Debug("rule set", "at", s.now, "key", key, "rule", r.String())
	s.traceTopology(impl.None, "rule set")
	return nil
}

// ClearRule removes the rule under key, if any.
func (s *Sim) ClearRule(key string) {
	s.links.ClearRule(key)
	s.log.Debug("rule cleared", "at", s.now, "key", key)
	s.traceTopology(impl.None, "rule cleared")
}

// Crash discards node n's machine; only its Storage survives. A paused node
// can crash: its queued messages are lost and it is no longer paused.
func (s *Sim) Crash(n int) error {
	nd, err := s.node(n)
	if err != nil {
		return err
	}
	if nd.crashed {
		return faults.NodeError("sim", n, faults.ErrCrashed, "it is crashed already")
	}
	nd.downTerm = s.Status(n).Term
	if nd.crashed {
		return nil // its Status panicked: it is down already
	}
	nd.m, nd.crashed, nd.paused = nil, true, false
	s.log.Debug("crash", "at", s.now, "node", n)
	s.traceStatus(n)
	inbox := nd.inbox
	nd.inbox = nil
	for _, m := range inbox {
		s.drop(m, WhyCrashed)
	}
	s.traceTopology(n, "crash")
	return nil
}

// Restart builds a new machine for crashed node n from the same Storage. If
// the factory fails, the node stays down.
func (s *Sim) Restart(n int) error {
	nd, err := s.node(n)
	if err != nil {
		return err
	}
	if !nd.crashed {
		return faults.NodeError("sim", n, faults.ErrNotCrashed, "crash it before restarting it")
	}
	nd.incarnation++
	if err := s.build(n); err != nil {
		return err
	}
	s.log.Debug("restart", "at", s.now, "node", n, "incarnation", nd.incarnation)
	s.guard(func() { s.traceStatus(n) })
	s.traceTopology(n, "restart")
	return nil
}

// Pause stops node n's clock and deliveries; messages to it queue.
func (s *Sim) Pause(n int) error {
	nd, err := s.node(n)
	if err != nil {
		return err
	}
	switch {
	case nd.crashed:
		return faults.NodeError("sim", n, faults.ErrCrashed, "it cannot be paused")
	case nd.paused:
		return faults.NodeError("sim", n, faults.ErrPaused, "")
	}
	nd.paused = true
	s.log.Debug("pause", "at", s.now, "node", n)
	s.traceTopology(n, "pause")
	return nil
}

// Resume restarts node n's clock and delivers, now and in arrival order,
// the messages that queued while it was paused.
func (s *Sim) Resume(n int) error {
	nd, err := s.node(n)
	if err != nil {
		return err
	}
	if !nd.paused {
		return faults.NodeError("sim", n, faults.ErrNotPaused, "")
	}
	nd.paused = false
	s.log.Debug("resume", "at", s.now, "node", n, "queued", len(nd.inbox))
	s.traceTopology(n, "resume")
	inbox := nd.inbox
	nd.inbox = nil
	for _, m := range inbox {
		s.guard(func() { s.deliver(m) })
	}
	return nil
}

// Skew makes node n tick rate times per tick round; 1 is normal. The rate
// is kept across crashes: it belongs to the host, not the process.
func (s *Sim) Skew(n int, rate float64) error {
	nd, err := s.node(n)
	if err != nil {
		return err
	}
	if !(rate > 0 && rate <= maxSkew) { // also rejects NaN
		return faults.NodeError("sim", n, faults.ErrSkewRate, fmt.Sprintf("got %v", rate))
	}
	nd.rate = rate
	s.log.Debug("skew", "at", s.now, "node", n, "rate", rate)
	s.traceTopology(n, "skew")
	return nil
}

func (s *Sim) node(n int) (*node, error) {
	if !s.valid(n) {
		return nil, faults.NodeError("sim", n, faults.ErrNoSuchNode, fmt.Sprintf("nodes are 0 to %d", s.n-1))
	}
	return &s.nodes[n], nil
}

// Capabilities are the simulator's: Pause freezes a node's clock and its
// deliveries, and Skew changes its clock rate.
func Capabilities() faults.Capabilities {
	return faults.Capabilities{Pause: faults.PauseFreezes, Skew: true, Messages: true}
}

// Capabilities implements faults.Network.
func (s *Sim) Capabilities() faults.Capabilities { return Capabilities() }

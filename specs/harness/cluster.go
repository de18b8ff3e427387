package harness

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/rpcnet"
	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
)

// Cluster wires an implementation, a faulty network and a recorder. Scenarios
// read like the tests they come from: start, find the leader, isolate it,
// wait, check.
type Cluster struct {
	target Target
	cfg    Config
	b      faults.Network
	rec    *recorder
	// disconnected mirrors 6.5840's connect/disconnect: each such node is
	// isolated from every other node, including other disconnected ones.
	disconnected []bool
	partition    faults.Grudge
}

// New starts a cluster of target with cfg. Every node exists and has been
// observed once when New returns; no virtual time has passed.
func New(target Target, cfg Config) (*Cluster, error) {
	if err := target.validate(); err != nil {
		return nil, err
	}
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if target.InBubble() && !inSynctestBubble() {
		return nil, fmt.Errorf("harness: target %q is a goroutine Node meant to run in virtual time, but New was called outside a "+
			"testing/synctest bubble, where it would silently run in real time: call New inside harness.RunInBubble "+
			"(or synctest.Test), or set Target.Realtime to run in real time on purpose", target.Name)
	}
	rec := &recorder{noWire: cfg.NoWire, events: make([]checker.Event, 0, initialEvents)}
	b, err := newBackend(target, cfg, rec)
	if err != nil {
		return nil, fmt.Errorf("harness: starting %s: %w", target.Name, err)
	}
	c := &Cluster{target: target, cfg: cfg, b: b, rec: rec, disconnected: make([]bool, cfg.Nodes)}
	return c, nil
}

// newBackend builds the simulator for a Machine target, the RPC network
// for a Node target, and lets an External target start its own.
func newBackend(target Target, cfg Config, rec *recorder) (faults.Network, error) {
	if target.External != nil {
		return target.External.Start(rec, cfg)
	}
	if target.Node == nil {
		return sim.New(sim.Config{
			Nodes: cfg.Nodes, Seed: cfg.Seed, Tick: cfg.Tick, Factory: target.Machine,
			Latency: cfg.Latency, Tracer: rec, Logger: cfg.Logger,
		})
	}
	return rpcnet.New(rpcnet.Config{
		Nodes: cfg.Nodes, Seed: cfg.Seed, Factory: target.Node, Latency: cfg.Latency,
		DeadPeerTimeout: cfg.DeadPeerTimeout, Poll: cfg.Poll, LeakGrace: cfg.LeakGrace, StuckAfter: cfg.StuckAfter,
		Classify: target.Classify, Tracer: rec, Logger: cfg.Logger,
	})
}

// Close stops every node. For goroutine nodes it waits out the leak grace
// period, so that leaked goroutines are in the history; call it before Check.
//
// The network first records every node as stopped, so that the checkers
// know no majority can talk from then on: the leak grace may stretch the
// history on, and no election is owed meanwhile.
func (c *Cluster) Close() {
	c.b.Close()
}

// Size is the number of nodes.
func (c *Cluster) Size() int { return c.cfg.Nodes }

// Seed is the seed that replays this run.
func (c *Cluster) Seed() uint64 { return c.cfg.Seed }

// Target is the implementation under test.
func (c *Cluster) Target() Target { return c.target }

// Now is the cluster's virtual time since it started.
func (c *Cluster) Now() time.Duration { return c.b.Now() }

// RunFor lets d of virtual time pass.
func (c *Cluster) RunFor(d time.Duration) { c.b.RunFor(d) }

// Status is node n's latest status; Role is impl.Down while it is crashed.
func (c *Cluster) Status(n int) (impl.Status, error) {
	if err := c.checkNode(n); err != nil {
		return impl.Status{}, err
	}
	return c.b.Status(n), nil
}

// Note records a step of the scenario in the history, for the timeline.
func (c *Cluster) Note(format string, args ...any) {
	c.rec.note(c.b.Now(), fmt.Sprintf(format, args...))
}

// History is everything recorded so far. The caller must not modify it.
func (c *Cluster) History() checker.History {
	return checker.History{Nodes: c.cfg.Nodes, Seed: c.cfg.Seed, Events: c.rec.snapshot()}
}

// Checkers are the invariants this cluster's history is held to.
func (c *Cluster) Checkers() []checker.Checker { return c.target.Checkers(c.cfg) }

// Check runs every checker over the history so far.
func (c *Cluster) Check() []checker.Result {
	return checker.Run(c.History(), c.Checkers()...)
}

// labelled runs op, one of the harness's operations, and labels the
// topology changes it made with node and the label op returns (see
// attribute). op names itself once done: a fault names its victims only
// once it has picked them.
func (c *Cluster) labelled(node int, op func() (label string, err error)) error {
	mark := c.rec.mark()
	label, err := op()
	if err != nil {
		return err
	}
	c.relabel(mark, node, label)
	return nil
}

// relabel labels the topology changes made since mark (see attribute).
func (c *Cluster) relabel(mark, node int, label string) {
	c.rec.attribute(mark, c.b.Now(), node, label)
}
func (c *Cluster) checkNode(n int) error {
	if n < 0 || n >= c.cfg.Nodes {
		return fmt.Errorf("harness: node %d does not exist: nodes are 0 to %d", n, c.cfg.Nodes-1)
	}
	return nil
}

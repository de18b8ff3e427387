package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

// Sim is a deterministic discrete-event simulation of a cluster of
// impl.Machines. It is not safe for concurrent use: one goroutine drives it.
type Sim struct {
	cfg       Config
	n         int
	now       time.Duration
	nextTick  time.Duration // ticks run on their own cursor, outside the queue
	seq       uint64
	nodes     []node
	peers     []int
	queue     queue
	netRand   *rand.Rand // drop, duplicate and delay draws
	faultRand *rand.Rand // handed to faults through Rand
	links     *faults.LinkState
	stats     Stats
	tracer    Tracer
	panics    []Panic
	calling   int    // the node whose machine is being called, or -1
	call      string // which of its methods, for a panic's report
	log       hclog.Logger
}

var (
	_ faults.Target = (*Sim)(nil)
	_ faults.Clock  = (*Sim)(nil)
)

// New validates cfg, builds every node at time 0 and reports their initial
// Status to the tracer.
func New(cfg Config) (*Sim, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	n := cfg.Nodes
	s := &Sim{
		cfg:       cfg,
		n:         n,
		nextTick:  cfg.Tick,
		nodes:     make([]node, n),
		peers:     make([]int, n),
		netRand:   faults.NetRand(cfg.Seed),
		faultRand: faults.FaultRand(cfg.Seed),
		links:     faults.NewLinkState(n),
		tracer:    cfg.Tracer,
		log:       cfg.Logger,
		calling:   -1,
	}
	for i := range n {
		s.peers[i] = i
		s.nodes[i] = node{storage: impl.NewMemStorage(), logger: cfg.Logger.Named(fmt.Sprintf("n%d", i)), rate: 1}
	}
	for i := range n {
		if err := s.build(i); err != nil {
			return nil, err
		}
		s.guard(func() { s.traceStatus(i) })
	}
	s.traceTopology(impl.None, faults.WhyStart)
	return s, nil
}

// Now is the current virtual time.
func (s *Sim) Now() time.Duration { return s.now }

// RunFor advances virtual time by d, running every event due by then.
func (s *Sim) RunFor(d time.Duration) { s.run(s.after(d), nil) }

// RunUntil runs until done() is true, checking it first, after each tick
// round and after each delivery, or until limit of virtual time (counted
// from Now) has passed. It reports whether done() became true; if so, Now
// is the time of the event that made it so.
func (s *Sim) RunUntil(limit time.Duration, done func() bool) bool {
	return s.run(s.after(limit), done)
}

// after is Now+d, saturating so that a huge d means "no limit".
func (s *Sim) after(d time.Duration) time.Duration {
	if d > math.MaxInt64-s.now {
		return math.MaxInt64
	}
	return s.now + d
}

// run is the event loop, restarted after a machine panics: the panicking
// node is down, the event that made it panic is spent, and the rest goes on.
func (s *Sim) run(end time.Duration, done func() bool) (reached bool) {
	for s.guard(func() { reached = s.loop(end, done) }) {
	}
	return reached
}

// loop runs events until end or done. At equal times, deliveries come before
// the tick round, messages deliver in (time, send order), and nodes tick in
// id order.
func (s *Sim) loop(end time.Duration, done func() bool) bool {
	if done != nil && done() {
		return true
	}
	for {
		switch {
		case len(s.queue) > 0 && s.queue[0].at <= s.nextTick && s.queue[0].at <= end:
			e := s.queue.pop()
			s.now = e.at
			s.deliver(e.msg)
		case s.nextTick <= end:
			s.now = s.nextTick
			s.nextTick += s.cfg.Tick
			s.tickRound()
		default:
			s.now = max(s.now, end)
			return false
		}
		if done != nil && done() {
			return true
		}
	}
}

// tickRound ticks every running node once, or per its skew: a node earns
// rate ticks each round and runs the whole ones.
func (s *Sim) tickRound() {
	for i := range s.nodes {
		nd := &s.nodes[i]
		if nd.crashed || nd.paused {
			continue
		}
		nd.credit += nd.rate
		for nd.credit >= 1 && !nd.crashed {
			nd.credit--
			s.tickNode(i)
			s.stats.Ticks++
			s.afterStep(i)
		}
	}
}

// afterStep sends what node i has to send and traces a change of status.
func (s *Sim) afterStep(i int) {
	if s.nodes[i].crashed {
		return // it panicked in the call just made
	}
	if out := s.readyNode(i); len(out) > 0 {
		s.send(i, out)
	}
	s.traceStatus(i)
}

// traceStatus reports node i's status if it changed. Without a tracer
// nobody would see it, so the hot loop skips even reading it.
func (s *Sim) traceStatus(i int) {
	if s.tracer == nil {
		return
	}
	nd := &s.nodes[i]
	st := s.statusNode(i)
	if st != nd.last {
		nd.last = st
		s.tracer.Status(s.now, st)
	}
}

// Status is node n's current status; Role is impl.Down while it is crashed
// (and for an id outside the cluster).
func (s *Sim) Status(n int) impl.Status {
	if n < 0 || n >= s.n {
		return impl.DownStatus(n, 0)
	}
	var st impl.Status
	s.guard(func() { st = s.statusNode(n) })
	if s.nodes[n].crashed {
		return impl.DownStatus(n, s.nodes[n].downTerm)
	}
	return st
}

// Stats returns the counters so far.
func (s *Sim) Stats() Stats { return s.stats }

// Topology describes the network now: who is up (neither crashed nor
// paused), what the grudges cut, where a link rule is lossy, and the clock
// rates. Faulty: any grudge (even one that cuts nothing), rule, crash,
// pause or skew is active.
func (s *Sim) Topology() faults.Topology {
	t := faults.Topology{Live: make([]bool, s.n), Cut: s.links.CutMatrix(), Lossy: s.links.Lossy(), Rates: s.rates(), Faulty: s.links.Faulty()}
	for i := range s.nodes {
		t.Live[i] = !s.nodes[i].crashed && !s.nodes[i].paused
		t.Faulty = t.Faulty || !t.Live[i] || s.nodes[i].rate != 1
	}
	return t
}

// Live reports whether node n is running: neither crashed nor paused.
func (s *Sim) Live(n int) bool {
	return s.valid(n) && !s.nodes[n].crashed && !s.nodes[n].paused
}

// rates are the nodes' clock rates, or nil while every clock runs at
// normal speed.
func (s *Sim) rates() []float64 {
	skewed := false
	for i := range s.nodes {
		skewed = skewed || s.nodes[i].rate != 1
	}
	if !skewed {
		return nil
	}
	rates := make([]float64, s.n)
	for i := range rates {
		rates[i] = s.nodes[i].rate
	}
	return rates
}

// traceTopology tells the tracer the network changed, and why.
func (s *Sim) traceTopology(node int, why string) {
	if s.tracer != nil {
		s.tracer.Topology(s.now, s.Topology(), node, why)
	}
}

// Close ends the simulation: the tracer hears that every node stopped.
// Nothing runs in the background, so nothing else is left to do.
func (s *Sim) Close() {
	if s.tracer != nil {
		s.tracer.Topology(s.now, s.Topology().Stopped(), impl.None, faults.WhyStopAll)
	}
}

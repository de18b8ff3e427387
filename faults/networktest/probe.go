package networktest

import (
	"sync"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// probes is the contract's cluster: on every tick each node sends one
// heartbeat and one vote request to every peer, and counts what it
// receives. Goroutine networks call from many goroutines, so it locks.
type probes struct {
	mu sync.Mutex
	// got counts deliveries per link and kind.
	got map[link]int
	// leads makes node n report itself leader of a term.
	leads map[int]uint64
	// builds counts the machines built per node: a restart is a build.
	builds map[int]int
	// ticks counts each node's ticks: whether a paused node's timers ran.
	ticks map[int]int
	// now is the network's clock, set once it exists; travel sums the
	// time each link and kind's messages took, stamped at send in Term.
	now    func() time.Duration
	travel map[link]time.Duration
	// arrivals are the arrival times of each message, by link, kind and
	// send stamp: two when a duplicate rule copied it.
	arrivals map[sent][]time.Duration
}

type sent struct {
	link
	at uint64
}

type link struct {
	from, to int
	kind     impl.Kind
}

// kinds are what a probe sends.
var kinds = []impl.Kind{impl.KindHeartbeat, impl.KindVoteRequest}

func newProbes() *probes {
	return &probes{got: map[link]int{}, leads: map[int]uint64{}, builds: map[int]int{}, ticks: map[int]int{}, travel: map[link]time.Duration{}, arrivals: map[sent][]time.Duration{}}
}

// received is how many messages of kind reached to from from.
func (p *probes) received(from, to int, kind impl.Kind) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.got[link{from, to, kind}]
}

// ticked is how many times node ticked.
func (p *probes) ticked(node int) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ticks[node]
}

// meanTravel is how long, on average, messages of kind took from from to to.
func (p *probes) meanTravel(from, to int, kind impl.Kind) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := link{from, to, kind}
	if p.got[l] == 0 {
		return 0
	}
	return p.travel[l] / time.Duration(p.got[l])
}

// clock is the network's Now, or zero before the network exists.
func (p *probes) clock() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.now == nil {
		return 0
	}
	return p.now()
}

func (p *probes) lead(node int, term uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.leads[node] = term
}

func (p *probes) factory(cfg impl.MachineConfig) (impl.Machine, error) {
	return &probe{h: p, cfg: cfg, build: p.newBuild(cfg.ID)}, nil
}

// host is where a probe counts what happens to it: the contract's probes
// in this process, or, for nodes in other processes, a client of their
// server (remote.go).
type host interface {
	newBuild(node int) int
	tick(node int) (sent uint64)
	deliver(m impl.Message)
	leading(node int) (term uint64, leads bool)
}

// newBuild counts a machine built for node: a restart is a build.
func (p *probes) newBuild(node int) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.builds[node]++
	return p.builds[node]
}

// tick counts one of node's ticks, and stamps what it sends with the time.
func (p *probes) tick(node int) uint64 {
	sent := uint64(p.clock())
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ticks[node]++
	return sent
}

// deliver counts m, and the time it took: its Term is when it was sent.
func (p *probes) deliver(m impl.Message) {
	arrived := p.clock()
	p.mu.Lock()
	defer p.mu.Unlock()
	l := link{m.From, m.To, m.Kind}
	p.got[l]++
	p.travel[l] += arrived - time.Duration(m.Term)
	p.arrivals[sent{l, m.Term}] = append(p.arrivals[sent{l, m.Term}], arrived)
}

func (p *probes) leading(node int) (uint64, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	term, leads := p.leads[node]
	return term, leads
}

// probe is one node. Its term is what its Storage holds. On its first tick
// it stores storedTerm(ID, build) unless something is stored already, so a
// restarted node shows whether its storage was kept.
type probe struct {
	h     host
	cfg   impl.MachineConfig
	build int
	out   []impl.Message
}

func (n *probe) Tick() {
	if n.cfg.Storage.HardState().Term == 0 {
		n.cfg.Storage.SetHardState(impl.HardState{Term: storedTerm(n.cfg.ID, n.build), VotedFor: impl.None})
	}
	sent := n.h.tick(n.cfg.ID)
	for _, peer := range n.cfg.Peers {
		if peer == n.cfg.ID {
			continue
		}
		for _, k := range kinds {
			n.out = append(n.out, impl.Message{From: n.cfg.ID, To: peer, Term: sent, Kind: k})
		}
	}
}

func (n *probe) Step(m impl.Message) { n.h.deliver(m) }

// copiesApart counts, among the messages of kind from from to to that
// arrived twice, those whose two copies arrived at different times.
func (p *probes) copiesApart(from, to int, kind impl.Kind) (twice, apart int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for s, times := range p.arrivals {
		if s.link == (link{from, to, kind}) && len(times) == 2 {
			twice++
			if times[0] != times[1] {
				apart++
			}
		}
	}
	return twice, apart
}

func (n *probe) Ready() []impl.Message {
	out := n.out
	n.out = nil
	return out
}

func (n *probe) Status() impl.Status {
	term, leads := n.h.leading(n.cfg.ID)
	st := impl.Status{ID: n.cfg.ID, Term: n.cfg.Storage.HardState().Term, Role: impl.Follower, Leader: impl.None, VotedFor: impl.None}
	if leads {
		st.Term, st.Role, st.Leader = term, impl.Leader, n.cfg.ID
	}
	return st
}

// storedTerm is what build (1 for the first) of node id stores.
func storedTerm(id, build int) uint64 { return uint64(10*build + id) }

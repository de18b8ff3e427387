package sim_test

import (
	"math/rand/v2"

	"github.com/ballot-go/ballot/impl"
)

// beacon is a tiny Raft-style election, deterministic and allocation-light:
// followers time out after [election, 2*election) ticks and campaign; a
// candidate with a majority of votes leads and heartbeats every heartbeat
// ticks; everyone answers heartbeats. Term and vote persist in Storage.
type beacon struct {
	id, n               int
	st                  impl.Storage
	r                   *rand.Rand
	election, heartbeat int

	term    uint64
	vote    int
	role    impl.Role
	leader  int
	granted []bool
	elapsed int
	timeout int
	out     []impl.Message
}

// beaconFactory builds beacons; the benchmark and tests share it.
func beaconFactory(election, heartbeat int) impl.MachineFactory {
	return func(cfg impl.MachineConfig) (impl.Machine, error) {
		hs := cfg.Storage.HardState()
		b := &beacon{
			id: cfg.ID, n: len(cfg.Peers), st: cfg.Storage, r: cfg.Rand,
			election: election, heartbeat: heartbeat,
			term: hs.Term, vote: hs.VotedFor, role: impl.Follower, leader: impl.None,
		}
		b.resetTimer()
		return b, nil
	}
}

func (b *beacon) resetTimer() {
	b.elapsed = 0
	b.timeout = b.election + b.r.IntN(b.election)
}

func (b *beacon) persist() { b.st.SetHardState(impl.HardState{Term: b.term, VotedFor: b.vote}) }

func (b *beacon) Tick() {
	b.elapsed++
	switch {
	case b.role == impl.Leader && b.elapsed >= b.heartbeat:
		b.elapsed = 0
		b.broadcast(impl.KindHeartbeat)
	case b.role != impl.Leader && b.elapsed >= b.timeout:
		b.campaign()
	}
}

func (b *beacon) campaign() {
	b.term++
	b.role, b.vote, b.leader = impl.Candidate, b.id, impl.None
	b.persist()
	b.resetTimer()
	b.granted = make([]bool, b.n)
	b.granted[b.id] = true
	b.broadcast(impl.KindVoteRequest)
	b.count()
}

func (b *beacon) count() {
	votes := 0
	for _, g := range b.granted {
		if g {
			votes++
		}
	}
	if 2*votes > b.n {
		b.role, b.leader, b.elapsed = impl.Leader, b.id, 0
		b.broadcast(impl.KindHeartbeat)
	}
}

func (b *beacon) broadcast(k impl.Kind) {
	for p := range b.n {
		if p != b.id {
			b.out = append(b.out, impl.Message{From: b.id, To: p, Term: b.term, Kind: k})
		}
	}
}

func (b *beacon) reply(to int, k impl.Kind, granted bool) {
	b.out = append(b.out, impl.Message{From: b.id, To: to, Term: b.term, Kind: k, Granted: granted})
}

func (b *beacon) Step(m impl.Message) {
	if m.From < 0 || m.From >= b.n {
		return
	}
	if m.Term > b.term {
		b.term, b.vote, b.role, b.leader = m.Term, impl.None, impl.Follower, impl.None
		b.persist()
	}
	switch m.Kind {
	case impl.KindVoteRequest:
		ok := m.Term == b.term && (b.vote == impl.None || b.vote == m.From)
		if ok {
			b.vote = m.From
			b.persist()
			b.resetTimer()
		}
		b.reply(m.From, impl.KindVoteReply, ok)
	case impl.KindVoteReply:
		if b.role == impl.Candidate && m.Term == b.term && m.Granted {
			b.granted[m.From] = true
			b.count()
		}
	case impl.KindHeartbeat:
		if m.Term == b.term {
			b.role, b.leader = impl.Follower, m.From
			b.resetTimer()
		}
		b.reply(m.From, impl.KindHeartbeatReply, false)
	}
}

func (b *beacon) Ready() []impl.Message {
	out := b.out
	b.out = nil
	return out
}

func (b *beacon) Status() impl.Status {
	return impl.Status{ID: b.id, Term: b.term, Role: b.role, Leader: b.leader, VotedFor: b.vote}
}

// probe is a scripted machine for exact tests: it sends what the test puts
// in out, records what it receives and how often it ticked, and reads its
// term from Storage so a restart shows what survived.
type probe struct {
	id    int
	st    impl.Storage
	term  uint64
	role  impl.Role
	ticks int
	got   []impl.Message
	log   []string // "tick" and "step" in the order they happened
	out   []impl.Message
}

// probes builds probe machines and remembers the latest incarnation of each.
type probes map[int]*probe

func (ps probes) factory(cfg impl.MachineConfig) (impl.Machine, error) {
	p := &probe{id: cfg.ID, st: cfg.Storage, term: cfg.Storage.HardState().Term}
	ps[cfg.ID] = p
	return p, nil
}

func (p *probe) Tick()               { p.ticks++; p.log = append(p.log, "tick") }
func (p *probe) Step(m impl.Message) { p.got = append(p.got, m); p.log = append(p.log, "step") }

func (p *probe) Ready() []impl.Message {
	out := p.out
	p.out = nil
	return out
}

func (p *probe) Status() impl.Status {
	return impl.Status{ID: p.id, Term: p.term, Role: p.role, Leader: impl.None, VotedFor: impl.None}
}

// setTerm changes the status and persists it.
func (p *probe) setTerm(t uint64) {
	p.term = t
	p.st.SetHardState(impl.HardState{Term: t, VotedFor: impl.None})
}

func (p *probe) send(to int, term uint64, k impl.Kind) {
	p.out = append(p.out, impl.Message{From: p.id, To: to, Term: term, Kind: k})
}

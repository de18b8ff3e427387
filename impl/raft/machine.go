package raft

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

// stepFunc handles a message already checked for sender and term; from is
// the sender's position in Peers. Each role has its own, as in etcd/raft.
type stepFunc func(m *Machine, msg impl.Message, from int)

// tickFunc is the role's clock: election timer or heartbeat timer.
type tickFunc func(m *Machine)

// Machine is one member of a Raft election. It implements impl.Machine.
type Machine struct {
	cfg     Config
	id      int
	self    int   // position of id in peers
	peers   []int // every member, id included, in the caller's order
	storage impl.Storage
	rand    *rand.Rand
	logger  hclog.Logger

	// Persistent state (Figure 2). persisted mirrors Storage so that an
	// unchanged state is not written twice.
	term      uint64
	vote      int
	persisted impl.HardState

	role impl.Role
	lead int

	// electionElapsed counts ticks since the last reset, or, for a leader,
	// since the last CheckQuorum window started.
	electionElapsed   int
	heartbeatElapsed  int
	randomizedTimeout int

	votes  tally // granted votes or pre-votes in the current campaign
	active tally // peers a leader heard from in the current CheckQuorum window

	step stepFunc
	tick tickFunc
	msgs []impl.Message
}

var _ impl.Machine = (*Machine)(nil)

// New builds a machine from the framework's MachineConfig and this
// package's Config. It resumes from the term and vote in mc.Storage and
// starts as a follower with no known leader.
func New(mc impl.MachineConfig, c Config) (*Machine, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	self, err := checkMachineConfig(mc)
	if err != nil {
		return nil, err
	}
	hs := mc.Storage.HardState()
	if hs.VotedFor != impl.None && !slices.Contains(mc.Peers, hs.VotedFor) {
		return nil, fmt.Errorf("raft: stored vote for %d is not in Peers %v", hs.VotedFor, mc.Peers)
	}
	m := &Machine{
		cfg:       c,
		id:        mc.ID,
		self:      self,
		peers:     slices.Clone(mc.Peers),
		storage:   mc.Storage,
		rand:      mc.Rand,
		logger:    mc.Logger,
		term:      hs.Term,
		vote:      hs.VotedFor,
		persisted: hs,
		lead:      impl.None,
		votes:     newTally(len(mc.Peers)),
		active:    newTally(len(mc.Peers)),
	}
	if m.logger == nil {
		m.logger = hclog.NewNullLogger()
	}
	m.becomeFollower(m.term, impl.None)
	return m, nil
}

// checkMachineConfig returns the position of mc.ID in mc.Peers.
func checkMachineConfig(mc impl.MachineConfig) (int, error) {
	switch {
	case mc.Storage == nil:
		return 0, fmt.Errorf("raft: MachineConfig.Storage is nil")
	case mc.Rand == nil:
		return 0, fmt.Errorf("raft: MachineConfig.Rand is nil")
	case len(mc.Peers) == 0:
		return 0, fmt.Errorf("raft: MachineConfig.Peers is empty")
	}
	self := -1
	for i, p := range mc.Peers {
		if p == impl.None {
			return 0, fmt.Errorf("raft: peer id %d in Peers %v is impl.None, which means no node", p, mc.Peers)
		}
		if slices.Index(mc.Peers, p) != i {
			return 0, fmt.Errorf("raft: duplicate peer %d in Peers %v", p, mc.Peers)
		}
		if p == mc.ID {
			self = i
		}
	}
	if self < 0 {
		return 0, fmt.Errorf("raft: ID %d is not in Peers %v", mc.ID, mc.Peers)
	}
	return self, nil
}

// Tick implements impl.Machine.
func (m *Machine) Tick() { m.tick(m) }

// Ready implements impl.Machine. The outbox starts afresh, so the caller
// may keep the returned slice for as long as it likes.
func (m *Machine) Ready() []impl.Message {
	msgs := m.msgs
	m.msgs = nil
	return msgs
}

// Status implements impl.Machine.
func (m *Machine) Status() impl.Status {
	return impl.Status{ID: m.id, Term: m.term, Role: m.role, Leader: m.lead, VotedFor: m.vote}
}

// reset starts a new role in term: a new term forgets the vote, and every
// role starts with fresh timers and no known leader.
func (m *Machine) reset(term uint64) {
	if term != m.term {
		m.term = term
		m.vote = impl.None
	}
	m.lead = impl.None
	m.heartbeatElapsed = 0
	m.resetElectionTimer()
}

// resetElectionTimer draws a new timeout each time, from mc.Rand only, so
// that a seed replays the same run and no server stays the fastest forever.
func (m *Machine) resetElectionTimer() {
	m.electionElapsed = 0
	m.randomizedTimeout = m.cfg.ElectionTicks + m.rand.IntN(m.cfg.ElectionTicks)
}

// persist saves term and vote. Callers persist before they send anything
// that depends on them, so a crash cannot make a server vote twice in a term
// (Figure 2: "updated on stable storage before responding to RPCs").
func (m *Machine) persist() {
	hs := impl.HardState{Term: m.term, VotedFor: m.vote}
	if hs != m.persisted {
		m.storage.SetHardState(hs)
		m.persisted = hs
	}
}

// inLease reports whether this server heard from a leader (or is one)
// within the minimum election timeout, so an election now could only be a
// disruption.
func (m *Machine) inLease() bool {
	return m.lead != impl.None && m.electionElapsed < m.cfg.ElectionTicks
}

// indexOf returns the position of id in peers, or -1. A linear scan beats a
// map for clusters of a handful of servers.
func (m *Machine) indexOf(id int) int {
	for i, p := range m.peers {
		if p == id {
			return i
		}
	}
	return -1
}

func (m *Machine) logTransition(event string) {
	if m.logger.IsDebug() {
		m.logger.Debug(event, "term", m.term, "role", m.role, "leader", m.lead, "vote", m.vote)
	}
}

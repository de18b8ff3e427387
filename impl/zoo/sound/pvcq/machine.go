package pvcq

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

// Timing, in ticks.
const (
	electionMin    = 40 // shortest election timeout, and the CheckQuorum window
	electionMax    = 80 // longest election timeout, inclusive
	heartbeatEvery = 10
)

// election is one member. It implements impl.Machine.
type election struct {
	id     int
	others []int // every member but this one
	store  impl.Storage
	rng    *rand.Rand
	log    hclog.Logger

	// Persistent state (Raft Figure 2), and what Storage holds of it.
	term   uint64
	vote   int
	stored impl.HardState

	role   impl.Role
	leader int // the leader of term, once heard; this node while it leads

	// Clocks of a waiting node (follower, pre-candidate, candidate).
	idle    int // ticks since the election timeout was last restarted
	timeout int // ticks of idleness that start a pre-vote
	silence int // ticks since leader was last heard

	// Clocks of a leader.
	sinceBeat   int // ticks since the last heartbeat round
	sinceWindow int // ticks since the CheckQuorum window opened

	ballots map[int]bool // grants of the current pre-vote or vote, own included
	heard   map[int]bool // peers a leader heard from in the current window, itself included

	outbox []impl.Message
}

var _ impl.Machine = (*election)(nil)

// New is an impl.MachineFactory. The machine resumes from the term and vote
// in cfg.Storage as a follower that knows no leader.
func New(cfg impl.MachineConfig) (impl.Machine, error) {
	if err := validate(cfg); err != nil {
		return nil, err
	}
	hs := cfg.Storage.HardState()
	e := &election{
		id:      cfg.ID,
		others:  slices.DeleteFunc(slices.Clone(cfg.Peers), func(p int) bool { return p == cfg.ID }),
		store:   cfg.Storage,
		rng:     cfg.Rand,
		log:     cfg.Logger,
		term:    hs.Term,
		vote:    hs.VotedFor,
		stored:  hs,
		role:    impl.Follower,
		leader:  impl.None,
		ballots: map[int]bool{},
		heard:   map[int]bool{},
	}
	if e.log == nil {
		e.log = hclog.NewNullLogger()
	}
	e.rearm()
	return e, nil
}

func validate(cfg impl.MachineConfig) error {
	switch {
	case cfg.Storage == nil:
		return errors.New("pvcq: MachineConfig.Storage is nil")
	case cfg.Rand == nil:
		return errors.New("pvcq: MachineConfig.Rand is nil")
	case !slices.Contains(cfg.Peers, cfg.ID):
		return fmt.Errorf("pvcq: ID %d is not in Peers %v", cfg.ID, cfg.Peers)
	}
	return nil
}

// Status implements impl.Machine.
func (e *election) Status() impl.Status {
	return impl.Status{ID: e.id, Term: e.term, Role: e.role, Leader: e.leader, VotedFor: e.vote}
}

// Ready implements impl.Machine.
func (e *election) Ready() []impl.Message {
	out := e.outbox
	e.outbox = nil
	return out
}

// persist writes term and vote if they changed. Every caller persists
// before it queues a message that depends on them.
func (e *election) persist() {
	hs := impl.HardState{Term: e.term, VotedFor: e.vote}
	if hs != e.stored {
		e.store.SetHardState(hs)
		e.stored = hs
	}
}

// majority reports whether n members, this one included, are a majority.
func (e *election) majority(n int) bool { return 2*n > len(e.others)+1 }

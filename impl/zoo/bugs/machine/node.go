package machine

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

// node is one member of the cluster, for one incarnation.
type node struct {
	id    int
	peers []int // every other member, in ring order after id
	size  int   // members, id included
	store impl.Storage
	rand  *rand.Rand
	log   hclog.Logger
	v     Variant

	// Persistent state (Raft Figure 2), saved through v.Persist whenever
	// it changes.
	term     uint64
	votedFor int

	role   impl.Role
	leader int

	now       int          // ticks since this incarnation started
	deadline  int          // follower or candidate: the tick it times out at
	elections int          // elections started since it last followed or led
	votes     map[int]bool // candidate: who granted it a vote this term, itself included
	nextBeat  int          // leader: the tick of its next heartbeat round
	heard     map[int]int  // the tick each peer was last heard from

	out []impl.Message
}

var _ impl.Machine = (*node)(nil)

// New builds the correct election: an impl.MachineFactory.
func New(cfg impl.MachineConfig) (impl.Machine, error) {
	return NewVariant(cfg, Variant{})
}

// NewVariant builds a member that differs from the correct election by v's
// hooks. It resumes from the term and vote in cfg.Storage.
func NewVariant(cfg impl.MachineConfig, v Variant) (impl.Machine, error) {
	peers, err := ring(cfg.ID, cfg.Peers)
	switch {
	case err != nil:
		return nil, err
	case cfg.Storage == nil:
		return nil, errors.New("machine: MachineConfig.Storage is nil: a node needs somewhere to keep its term and vote")
	case cfg.Rand == nil:
		return nil, errors.New("machine: MachineConfig.Rand is nil: election timeouts are drawn from it")
	case v.HeartbeatTicks < 0:
		return nil, fmt.Errorf("machine: Variant.HeartbeatTicks is %d: give a positive period, or 0 for the default", v.HeartbeatTicks)
	}
	log := cfg.Logger
	if log == nil {
		log = hclog.NewNullLogger()
	}
	hs := cfg.Storage.HardState()
	n := &node{
		id: cfg.ID, peers: peers, size: len(cfg.Peers), store: cfg.Storage, rand: cfg.Rand, log: log,
		v:    v.withDefaults(),
		term: hs.Term, votedFor: hs.VotedFor,
		role: impl.Follower, leader: impl.None,
		heard: make(map[int]int, len(peers)),
	}
	n.resetTimer()
	return n, nil
}

// ring checks the membership and returns the other members in ring order:
// ascending ids after id, then those before it.
func ring(id int, members []int) ([]int, error) {
	sorted := slices.Sorted(slices.Values(members))
	if len(slices.Compact(slices.Clone(sorted))) != len(sorted) {
		return nil, fmt.Errorf("machine: MachineConfig.Peers %v lists a member twice", members)
	}
	at, found := slices.BinarySearch(sorted, id)
	if !found {
		return nil, fmt.Errorf("machine: MachineConfig.Peers %v does not include the node's own ID %d", members, id)
	}
	others := make([]int, 0, len(sorted)-1)
	others = append(others, sorted[at+1:]...)
	return append(others, sorted[:at]...), nil
}

// Status implements impl.Machine.
func (n *node) Status() impl.Status {
	return impl.Status{ID: n.id, Term: n.term, Role: n.role, Leader: n.leader, VotedFor: n.votedFor}
}

// Ready implements impl.Machine.
func (n *node) Ready() []impl.Message {
	out := n.out
	n.out = nil
	return out
}

// send queues a message in the current term.
func (n *node) send(to int, kind impl.Kind, granted bool) {
	n.out = append(n.out, impl.Message{From: n.id, To: to, Term: n.term, Kind: kind, Granted: granted})
}

// isPeer reports whether id is another member of the cluster.
func (n *node) isPeer(id int) bool {
	return slices.Contains(n.peers, id)
}

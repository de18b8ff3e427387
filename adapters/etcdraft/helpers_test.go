package etcdraft

import (
	"iter"
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
)

// members remembers the latest incarnation of each simulated member, so
// that a test can look inside it.
type members struct {
	latest map[int]*Machine
	built  map[int]int // incarnations built per node
}

// factory wraps cfg's factory so that every member built is remembered.
func (ms *members) factory(t *testing.T, cfg Config) impl.MachineFactory {
	t.Helper()
	build, err := cfg.Factory()
	if err != nil {
		t.Fatal(err)
	}
	return func(mc impl.MachineConfig) (impl.Machine, error) {
		m, err := build(mc)
		if err != nil {
			return nil, err
		}
		ms.latest[mc.ID] = m.(*Machine)
		ms.built[mc.ID]++
		return m, nil
	}
}

// simulate starts n members of cfg in the simulator and waits for a leader.
func simulate(t *testing.T, n int, cfg Config, seed uint64) (*sim.Sim, *members) {
	t.Helper()
	ms := &members{latest: map[int]*Machine{}, built: map[int]int{}}
	s, err := sim.New(sim.Config{Nodes: n, Seed: seed, Factory: ms.factory(t, cfg)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	leader(t, s)
	return s, ms
}

// leader waits up to 5 virtual seconds for a leader, as ballot's
// ReElection checker does, and returns it.
func leader(t *testing.T, s *sim.Sim) int {
	t.Helper()
	if !s.RunUntil(5*time.Second, func() bool { _, ok := s.Leader(); return ok }) {
		t.Fatalf("no leader within 5s at %v", s.Now())
	}
	l, _ := s.Leader()
	return l
}

// noPanics fails t with every member panic the simulator caught.
func noPanics(t *testing.T, s *sim.Sim) {
	t.Helper()
	for _, p := range s.Panics() {
		t.Errorf("node %d panicked in %s: %v\n%s", p.Node, p.Call, p.Value, p.Stack)
	}
}

// storage is a Storage without Blobs: what a term-and-vote-only store offers.
type storage struct{ hs impl.HardState }

func (s *storage) HardState() impl.HardState      { return s.hs }
func (s *storage) SetHardState(hs impl.HardState) { s.hs = hs }

func newStorage() *storage { return &storage{hs: impl.HardState{VotedFor: impl.None}} }

// variants are the three configurations the suite runs, in a fixed order.
func variants() iter.Seq2[string, Config] {
	plain := DefaultConfig()
	prevote := plain
	prevote.PreVote = true
	both := prevote
	both.CheckQuorum = true
	return func(yield func(string, Config) bool) {
		_ = yield("plain", plain) && yield("prevote", prevote) && yield("prevote-checkquorum", both)
	}
}

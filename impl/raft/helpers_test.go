package raft

import (
	"math/rand/v2"
	"testing"

	"github.com/ballot-go/ballot/impl"
)

// testConfig is small so that tests tick little.
func testConfig() Config { return Config{ElectionTicks: 10, HeartbeatTicks: 3} }

func peersN(n int) []int {
	ids := make([]int, n)
	for i := range ids {
		ids[i] = i
	}
	return ids
}

func newTestMachine(t testing.TB, id, n int, cfg Config, st impl.Storage) *Machine {
	t.Helper()
	if st == nil {
		st = impl.NewMemStorage()
	}
	m, err := New(impl.MachineConfig{
		ID:      id,
		Peers:   peersN(n),
		Storage: st,
		Rand:    rand.New(rand.NewPCG(uint64(id), 42)),
	}, cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return m
}

// timeout ticks m exactly until its election timer fires.
func timeout(m *Machine) {
	for n := m.randomizedTimeout - m.electionElapsed; n > 0; n-- {
		m.Tick()
	}
}

// makeCandidate times m out into a candidate and drains its requests.
func makeCandidate(t testing.TB, m *Machine) {
	t.Helper()
	timeout(m)
	if m.role != impl.Candidate {
		t.Fatalf("after a timeout: %s, want candidate", m.Status())
	}
	m.Ready()
}

// makeLeader elects m with votes from the lowest-numbered peers.
func makeLeader(t testing.TB, m *Machine) {
	t.Helper()
	makeCandidate(t, m)
	for _, p := range m.peers {
		if m.role == impl.Leader {
			break
		}
		if p != m.id {
			m.Step(reply(p, m.id, m.term, impl.KindVoteReply, true))
		}
	}
	if m.role != impl.Leader {
		t.Fatalf("after a majority of votes: %s, want leader", m.Status())
	}
	m.Ready()
}

func msg(from, to int, term uint64, kind impl.Kind) impl.Message {
	return impl.Message{From: from, To: to, Term: term, Kind: kind}
}

func reply(from, to int, term uint64, kind impl.Kind, granted bool) impl.Message {
	return impl.Message{From: from, To: to, Term: term, Kind: kind, Granted: granted}
}

// only returns the single message in msgs, or fails.
func only(t testing.TB, msgs []impl.Message) impl.Message {
	t.Helper()
	if len(msgs) != 1 {
		t.Fatalf("want one message, got %d: %v", len(msgs), msgs)
	}
	return msgs[0]
}

func wantStatus(t testing.TB, m *Machine, want impl.Status) {
	t.Helper()
	if got := m.Status(); got != want {
		t.Fatalf("status %s, want %s", got, want)
	}
}

// countingStorage counts writes, to show what does not persist.
type countingStorage struct {
	impl.MemStorage
	writes int
}

func newCountingStorage() *countingStorage {
	s := &countingStorage{}
	s.MemStorage.SetHardState(impl.HardState{VotedFor: impl.None})
	return s
}

func (s *countingStorage) SetHardState(hs impl.HardState) {
	s.writes++
	s.MemStorage.SetHardState(hs)
}

package raft

import (
	"testing"

	"github.com/ballot-go/ballot/impl"
)

// orderStorage records what was persisted and how many messages were
// already in the outbox at the time, to check that the state a message
// depends on reached storage before the message was queued.
type orderStorage struct {
	impl.MemStorage
	m      *Machine
	writes []write
}

type write struct {
	hs     impl.HardState
	outbox int
}

func (s *orderStorage) SetHardState(hs impl.HardState) {
	s.writes = append(s.writes, write{hs, len(s.m.msgs)})
	s.MemStorage.SetHardState(hs)
}

// stateBefore returns the hard state stored before the i-th queued message.
func (s *orderStorage) stateBefore(i int) impl.HardState {
	hs := impl.HardState{VotedFor: impl.None}
	for _, w := range s.writes {
		if w.outbox <= i {
			hs = w.hs
		}
	}
	return hs
}

func TestPersistBeforeResponding(t *testing.T) {
	// Figure 2: persist currentTerm and votedFor before responding to RPCs,
	// and before asking for votes.
	tests := []struct {
		name string
		run  func(t *testing.T, m *Machine)
	}{
		{"Figure 2: a granted vote is stored before the reply", func(_ *testing.T, m *Machine) {
			m.Step(msg(1, 0, 4, impl.KindVoteRequest))
		}},
		{"Figure 2: a vote in the current term is stored before the reply", func(_ *testing.T, m *Machine) {
			m.Step(msg(1, 0, 4, impl.KindHeartbeat))
			m.Step(msg(2, 0, 4, impl.KindVoteRequest))
		}},
		{"Figure 2: a candidate stores its term and vote before asking", func(_ *testing.T, m *Machine) {
			timeout(m)
		}},
		{"Figure 2: a new term from a heartbeat is stored before the reply", func(_ *testing.T, m *Machine) {
			m.Step(msg(1, 0, 6, impl.KindHeartbeat))
		}},
		{"Figure 2: a pre-vote that leads to an election stores before asking", func(_ *testing.T, m *Machine) {
			m.cfg.PreVote = true
			timeout(m)
			m.Step(reply(1, 0, 1, impl.KindPreVoteReply, true))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &orderStorage{}
			st.MemStorage.SetHardState(impl.HardState{VotedFor: impl.None})
			m := newTestMachine(t, 0, 3, testConfig(), st)
			st.m = m
			tt.run(t, m)
			out := m.Ready()
			if len(out) == 0 {
				t.Fatal("nothing sent")
			}
			for i, o := range out {
				hs := st.stateBefore(i)
				switch {
				case o.Kind == impl.KindVoteReply && o.Granted && hs != (impl.HardState{Term: o.Term, VotedFor: o.To}):
					t.Fatalf("%v queued while storage held %+v", o, hs)
				case o.Kind == impl.KindVoteRequest && hs != (impl.HardState{Term: o.Term, VotedFor: 0}):
					t.Fatalf("%v queued while storage held %+v", o, hs)
				case o.Kind != impl.KindPreVoteRequest && o.Kind != impl.KindPreVoteReply && hs.Term != o.Term:
					t.Fatalf("%v queued while storage held term %d", o, hs.Term)
				}
			}
		})
	}
}

func TestRestartFromStorage(t *testing.T) {
	// restart from storage keeps term and vote (Figure 2: persistent state).
	st := impl.NewMemStorage()
	m := newTestMachine(t, 0, 3, testConfig(), st)
	m.Step(msg(1, 0, 5, impl.KindVoteRequest))
	if !only(t, m.Ready()).Granted {
		t.Fatal("first vote refused")
	}

	m = newTestMachine(t, 0, 3, testConfig(), st)
	wantStatus(t, m, impl.Status{ID: 0, Term: 5, Role: impl.Follower, Leader: impl.None, VotedFor: 1})
	m.Step(msg(2, 0, 5, impl.KindVoteRequest))
	if r := only(t, m.Ready()); r.Granted {
		t.Fatal("§5.2: a restarted server voted twice in one term")
	}
	m.Step(msg(1, 0, 5, impl.KindVoteRequest))
	if r := only(t, m.Ready()); !r.Granted {
		t.Fatal("a restarted server refused the candidate it voted for")
	}

	// A candidate restarts in its term, having voted for itself, and
	// campaigns in the next term.
	makeCandidate(t, m)
	m = newTestMachine(t, 0, 3, testConfig(), st)
	wantStatus(t, m, impl.Status{ID: 0, Term: 6, Role: impl.Follower, Leader: impl.None, VotedFor: 0})
	makeCandidate(t, m)
	if m.term != 7 {
		t.Fatalf("restarted candidate campaigned in term %d, want 7", m.term)
	}
}

func TestRestartDoesNotRewriteStorage(t *testing.T) {
	st := newCountingStorage()
	st.MemStorage.SetHardState(impl.HardState{Term: 3, VotedFor: 2})
	newTestMachine(t, 0, 3, testConfig(), st)
	if st.writes != 0 {
		t.Fatalf("New wrote storage %d times", st.writes)
	}
}

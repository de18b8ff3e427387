package raft

import (
	"testing"

	"github.com/ballot-go/ballot/impl"
)

func TestIgnoresInvalidInput(t *testing.T) {
	// impl.Machine: invalid input from the network is ignored, never a panic.
	tests := []struct {
		name string
		msg  impl.Message
	}{
		{"unknown sender", msg(9, 0, 5, impl.KindHeartbeat)},
		{"sender None", msg(impl.None, 0, 5, impl.KindVoteRequest)},
		{"from itself", msg(0, 0, 5, impl.KindVoteRequest)},
		{"addressed to another node", msg(1, 2, 5, impl.KindVoteRequest)},
		{"KindOther", msg(1, 0, 5, impl.KindOther)},
		{"unknown kind", msg(1, 0, 5, impl.Kind(200))},
		{"foreign body", impl.Message{From: 1, To: 0, Term: 0, Kind: impl.KindHeartbeat, Body: "garbage"}},
	}
	for _, tt := range tests {
		for _, role := range []string{"follower", "candidate", "leader"} {
			t.Run(tt.name+" to a "+role, func(t *testing.T) {
				m := newTestMachine(t, 0, 3, testConfig(), nil)
				switch role {
				case "candidate":
					makeCandidate(t, m)
				case "leader":
					makeLeader(t, m)
				}
				before := m.Status()
				m.Step(tt.msg)
				if tt.name == "foreign body" {
					return // valid envelope: bodies are not read
				}
				wantStatus(t, m, before)
				if out := m.Ready(); len(out) != 0 {
					t.Fatalf("answered %v", out)
				}
			})
		}
	}
}

func TestLeaderIgnoresRivalHeartbeat(t *testing.T) {
	// Two leaders in one term cannot happen between correct peers; if a
	// broken one claims it, the leader keeps its state and does not panic.
	m := newTestMachine(t, 0, 3, testConfig(), nil)
	makeLeader(t, m)
	before := m.Status()
	m.Step(msg(1, 0, m.term, impl.KindHeartbeat))
	wantStatus(t, m, before)
}

func TestReadyHandsOverTheSlice(t *testing.T) {
	// impl.Machine: the framework owns what Ready returns.
	m := newTestMachine(t, 0, 3, testConfig(), nil)
	makeLeader(t, m)
	for range testConfig().HeartbeatTicks {
		m.Tick()
	}
	first := m.Ready()
	if len(first) == 0 {
		t.Fatal("no heartbeats")
	}
	keep := append([]impl.Message(nil), first...)
	for range testConfig().HeartbeatTicks {
		m.Tick()
	}
	second := m.Ready()
	if len(second) == 0 || &first[0] == &second[0] {
		t.Fatal("Ready reused the backing array it handed out")
	}
	for i := range keep {
		if first[i] != keep[i] {
			t.Fatalf("message %d changed after Ready: %v -> %v", i, keep[i], first[i])
		}
	}
	if out := m.Ready(); out != nil {
		t.Fatalf("a second Ready returned %v", out)
	}
}

func TestNoAllocations(t *testing.T) {
	cfg := Config{ElectionTicks: maxElectionTicks, HeartbeatTicks: 1}
	m := newTestMachine(t, 0, 5, cfg, nil)
	if n := testing.AllocsPerRun(1000, m.Tick); n != 0 {
		t.Errorf("follower Tick: %v allocations", n)
	}
	if n := testing.AllocsPerRun(1000, func() { _ = m.Status() }); n != 0 {
		t.Errorf("Status: %v allocations", n)
	}
}

func FuzzStep(f *testing.F) {
	f.Add(1, 0, uint64(1), uint8(impl.KindVoteRequest), true, 3)
	f.Add(2, 0, uint64(0), uint8(impl.KindHeartbeat), false, 0)
	f.Add(1, 0, uint64(5), uint8(impl.KindPreVoteReply), true, 20)
	f.Add(-1, 7, uint64(1<<63), uint8(99), true, 1)
	f.Fuzz(func(t *testing.T, from, to int, term uint64, kind uint8, granted bool, ticks int) {
		cfgs := []Config{testConfig(), {ElectionTicks: 10, HeartbeatTicks: 3, PreVote: true, CheckQuorum: true}}
		for _, cfg := range cfgs {
			m := newTestMachine(t, 0, 3, cfg, nil)
			for range ticks & 63 {
				m.Tick()
			}
			before := m.Status()
			m.Step(impl.Message{From: from, To: to, Term: term, Kind: impl.Kind(kind), Granted: granted})
			s := m.Status()
			if s.Term < before.Term || (s.Role == impl.Leader) != (s.Leader == 0) {
				t.Fatalf("%s -> %s", before, s)
			}
			m.Ready()
		}
	})
}

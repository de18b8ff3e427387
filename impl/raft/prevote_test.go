package raft

import (
	"testing"

	"github.com/ballot-go/ballot/impl"
)

func preVoteConfig() Config {
	c := testConfig()
	c.PreVote = true
	return c
}

func TestPreVoteDoesNotIncreaseTerm(t *testing.T) {
	// §9.6 thesis: pre-vote does not increase the term, on either side.
	st := newCountingStorage()
	m := newTestMachine(t, 0, 3, preVoteConfig(), st)
	for round := range 10 { // cut off: every timeout starts another pre-vote
		timeout(m)
		wantStatus(t, m, impl.Status{ID: 0, Term: 0, Role: impl.PreCandidate, Leader: impl.None, VotedFor: impl.None})
		out := m.Ready()
		if len(out) != 2 {
			t.Fatalf("round %d: %v, want two pre-vote requests", round, out)
		}
		for _, r := range out {
			if r.Kind != impl.KindPreVoteRequest || r.Term != 1 {
				t.Fatalf("round %d: %v, want a pre-vote request for term 1", round, r)
			}
		}
	}
	if st.writes != 0 {
		t.Fatalf("a pre-candidate wrote storage %d times", st.writes)
	}

	voterStore := newCountingStorage()
	voter := newTestMachine(t, 1, 3, preVoteConfig(), voterStore)
	voter.Step(msg(0, 1, 1, impl.KindPreVoteRequest))
	wantStatus(t, voter, impl.Status{ID: 1, Term: 0, Role: impl.Follower, Leader: impl.None, VotedFor: impl.None})
	if r := only(t, voter.Ready()); r.Kind != impl.KindPreVoteReply || !r.Granted || r.Term != 1 {
		t.Fatalf("reply %v, want pre-vote granted for term 1", r)
	}
	if voterStore.writes != 0 {
		t.Fatalf("a pre-vote wrote the voter's storage %d times", voterStore.writes)
	}
}

func TestPreVoteReplies(t *testing.T) {
	// §9.6 thesis: a pre-candidate that would win becomes a candidate.
	// Replies follow etcd: a grant carries the requested term, a refusal
	// the voter's own term.
	tests := []struct {
		name    string
		n       int
		replies []impl.Message // to node 0, a pre-candidate in term 0
		want    impl.Status
	}{
		{"§9.6 thesis: a majority of pre-votes starts a real election", 3,
			[]impl.Message{reply(1, 0, 1, impl.KindPreVoteReply, true)},
			impl.Status{ID: 0, Term: 1, Role: impl.Candidate, Leader: impl.None, VotedFor: 0}},
		{"a minority of pre-votes does not", 5,
			[]impl.Message{reply(1, 0, 1, impl.KindPreVoteReply, true)},
			impl.Status{ID: 0, Term: 0, Role: impl.PreCandidate, Leader: impl.None, VotedFor: impl.None}},
		{"duplicate pre-votes count once", 5,
			[]impl.Message{reply(1, 0, 1, impl.KindPreVoteReply, true), reply(1, 0, 1, impl.KindPreVoteReply, true)},
			impl.Status{ID: 0, Term: 0, Role: impl.PreCandidate, Leader: impl.None, VotedFor: impl.None}},
		{"a pre-vote for another term is not counted", 3,
			[]impl.Message{reply(1, 0, 2, impl.KindPreVoteReply, true), reply(2, 0, 0, impl.KindPreVoteReply, true)},
			impl.Status{ID: 0, Term: 0, Role: impl.PreCandidate, Leader: impl.None, VotedFor: impl.None}},
		{"§9.6 thesis: a refusal from a higher term does not change the term", 3,
			[]impl.Message{reply(1, 0, 9, impl.KindPreVoteReply, false)},
			impl.Status{ID: 0, Term: 0, Role: impl.PreCandidate, Leader: impl.None, VotedFor: impl.None}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestMachine(t, 0, tt.n, preVoteConfig(), nil)
			timeout(m)
			m.Ready()
			for _, r := range tt.replies {
				m.Step(r)
			}
			wantStatus(t, m, tt.want)
		})
	}
}

func TestPreVoteGranting(t *testing.T) {
	// §9.6 thesis: grant a pre-vote only to a later term and only when no
	// leader was heard from within the minimum election timeout.
	cfg := preVoteConfig()
	tests := []struct {
		name        string
		setup       func(t *testing.T, m *Machine) // m is node 1, 3 nodes
		term        uint64
		wantGranted bool
		wantTerm    uint64
	}{
		{"a pre-vote for a later term is granted", func(*testing.T, *Machine) {}, 1, true, 1},
		{"a pre-vote for the current term is refused", func(_ *testing.T, m *Machine) {
			m.Step(msg(2, 1, 3, impl.KindVoteRequest))
		}, 3, false, 3},
		{"a pre-vote for an older term is refused with the current term", func(_ *testing.T, m *Machine) {
			m.Step(msg(2, 1, 3, impl.KindVoteRequest))
		}, 2, false, 3},
		{"pre-vote is refused while a leader is heard", func(_ *testing.T, m *Machine) {
			m.Step(msg(2, 1, 3, impl.KindHeartbeat))
			for range cfg.ElectionTicks - 1 {
				m.Tick()
			}
		}, 4, false, 3},
		{"pre-vote is granted once the leader is silent for ElectionTicks", func(_ *testing.T, m *Machine) {
			m.Step(msg(2, 1, 3, impl.KindHeartbeat))
			for range cfg.ElectionTicks {
				m.Tick()
			}
		}, 4, true, 4},
		{"a leader refuses pre-votes", func(t *testing.T, m *Machine) {
			timeout(m)
			m.Step(reply(2, 1, 1, impl.KindPreVoteReply, true))
			m.Step(reply(2, 1, 1, impl.KindVoteReply, true))
			if m.role != impl.Leader {
				t.Fatalf("want leader: %s", m.Status())
			}
		}, 2, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestMachine(t, 1, 3, cfg, nil)
			tt.setup(t, m)
			m.Ready()
			before := m.Status()
			m.Step(msg(0, 1, tt.term, impl.KindPreVoteRequest))
			r := only(t, m.Ready())
			if r.Kind != impl.KindPreVoteReply || r.To != 0 || r.Granted != tt.wantGranted || r.Term != tt.wantTerm {
				t.Fatalf("reply %v, want granted=%t term %d", r, tt.wantGranted, tt.wantTerm)
			}
			if after := m.Status(); after != before {
				t.Fatalf("§9.6 thesis: a pre-vote changed the voter: %s -> %s", before, after)
			}
		})
	}
}

func TestPreVoteKeepsPartitionedNodeFromDisrupting(t *testing.T) {
	// §9.6 thesis: a server cut off from the cluster cannot win pre-votes,
	// so its term stays put and it does not depose the leader on return.
	for _, n := range []int{3, 5} {
		cfg := preVoteConfig()
		nw := newNetwork(t, n, cfg, 7)
		lead := nw.runUntilLeader(50 * cfg.ElectionTicks)
		term := lead.term
		victim := (lead.id + 1) % n
		nw.isolate(victim)
		nw.run(20 * cfg.ElectionTicks)
		if m := nw.machines[victim]; m.term != term {
			t.Fatalf("n=%d: isolated node moved from term %d to %d", n, term, m.term)
		}
		nw.heal()
		nw.run(5 * cfg.ElectionTicks)
		if now := nw.leader(); now.id != lead.id || now.term != term {
			t.Fatalf("n=%d: leader changed from %d in term %d to %s", n, lead.id, term, now.Status())
		}
	}
}

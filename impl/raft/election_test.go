package raft

import (
	"testing"

	"github.com/ballot-go/ballot/impl"
)

func TestElectionTimeoutStartsElection(t *testing.T) {
	// §5.2: a follower that hears nothing for an election timeout becomes
	// candidate: it increments its term, votes for itself and asks everyone.
	for _, n := range []int{3, 5} {
		st := impl.NewMemStorage()
		m := newTestMachine(t, 0, n, testConfig(), st)
		for range m.randomizedTimeout - 1 {
			m.Tick()
		}
		if m.role != impl.Follower || len(m.Ready()) != 0 {
			t.Fatalf("n=%d: one tick before the timeout: %s", n, m.Status())
		}
		m.Tick()
		wantStatus(t, m, impl.Status{ID: 0, Term: 1, Role: impl.Candidate, Leader: impl.None, VotedFor: 0})
		if hs := st.HardState(); hs != (impl.HardState{Term: 1, VotedFor: 0}) {
			t.Fatalf("n=%d: stored %+v, want term 1 vote 0", n, hs)
		}
		seen := map[int]bool{}
		for _, out := range m.Ready() {
			if out.Kind != impl.KindVoteRequest || out.Term != 1 || out.From != 0 || out.To == 0 || seen[out.To] {
				t.Fatalf("n=%d: unexpected %v", n, out)
			}
			if _, ok := out.Body.(VoteRequest); !ok {
				t.Fatalf("n=%d: body %T, want VoteRequest", n, out.Body)
			}
			seen[out.To] = true
		}
		if len(seen) != n-1 {
			t.Fatalf("n=%d: requests to %v, want every peer", n, seen)
		}
	}
}

func TestCandidateTimeoutStartsNewElection(t *testing.T) {
	// §5.2: a candidate that neither wins nor loses times out and starts a
	// new election in the next term.
	m := newTestMachine(t, 0, 3, testConfig(), nil)
	makeCandidate(t, m)
	makeCandidate(t, m)
	wantStatus(t, m, impl.Status{ID: 0, Term: 2, Role: impl.Candidate, Leader: impl.None, VotedFor: 0})
}

func TestSingleNodeBecomesLeaderAtOnce(t *testing.T) {
	// §5.2: a candidate with votes from a majority wins; alone, its own vote is one.
	for _, preVote := range []bool{false, true} {
		cfg := testConfig()
		cfg.PreVote = preVote
		m := newTestMachine(t, 0, 1, cfg, nil)
		timeout(m)
		wantStatus(t, m, impl.Status{ID: 0, Term: 1, Role: impl.Leader, Leader: 0, VotedFor: 0})
		if out := m.Ready(); len(out) != 0 {
			t.Fatalf("preVote=%t: a cluster of one sent %v", preVote, out)
		}
		for range 5 * cfg.ElectionTicks {
			m.Tick()
		}
		if m.role != impl.Leader || m.term != 1 {
			t.Fatalf("preVote=%t: a cluster of one lost its lead: %s", preVote, m.Status())
		}
	}
}

func TestVoteGranting(t *testing.T) {
	// §5.2: each server votes for at most one candidate in a term, first
	// come first served. §5.4.1 adds nothing without a log.
	type req struct {
		from    int
		term    uint64
		granted bool
		term2   uint64 // term of the reply
	}
	tests := []struct {
		name string
		reqs []req
		want impl.Status
	}{
		{"§5.2: a request in a new term is granted",
			[]req{{1, 1, true, 1}},
			impl.Status{ID: 0, Term: 1, Leader: impl.None, VotedFor: 1}},
		{"§5.2: first come first served: a second candidate in the same term is refused",
			[]req{{1, 1, true, 1}, {2, 1, false, 1}},
			impl.Status{ID: 0, Term: 1, Leader: impl.None, VotedFor: 1}},
		{"§5.2: the same candidate asking again gets the same answer, its reply may have been lost",
			[]req{{1, 1, true, 1}, {1, 1, true, 1}},
			impl.Status{ID: 0, Term: 1, Leader: impl.None, VotedFor: 1}},
		{"§5.1: a later term brings a new vote",
			[]req{{1, 1, true, 1}, {2, 2, true, 2}},
			impl.Status{ID: 0, Term: 2, Leader: impl.None, VotedFor: 2}},
		{"§5.1: a request from an older term is refused with the current term",
			[]req{{1, 3, true, 3}, {2, 2, false, 3}},
			impl.Status{ID: 0, Term: 3, Leader: impl.None, VotedFor: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestMachine(t, 0, 3, testConfig(), nil)
			for i, r := range tt.reqs {
				m.Step(msg(r.from, 0, r.term, impl.KindVoteRequest))
				out := only(t, m.Ready())
				if out.Kind != impl.KindVoteReply || out.To != r.from || out.Granted != r.granted || out.Term != r.term2 {
					t.Fatalf("request %d from %d in term %d: got %v, want granted=%t term %d", i, r.from, r.term, out, r.granted, r.term2)
				}
			}
			wantStatus(t, m, tt.want)
		})
	}
}

func TestCandidateAndLeaderRefuseOthers(t *testing.T) {
	// §5.2: a candidate has voted for itself, so it refuses a rival in its term.
	m := newTestMachine(t, 0, 3, testConfig(), nil)
	makeCandidate(t, m)
	m.Step(msg(1, 0, m.term, impl.KindVoteRequest))
	if out := only(t, m.Ready()); out.Granted {
		t.Fatalf("candidate granted a rival: %v", out)
	}
	makeLeader(t, m)
	m.Step(msg(1, 0, m.term, impl.KindVoteRequest))
	if out := only(t, m.Ready()); out.Granted || m.role != impl.Leader {
		t.Fatalf("leader granted a rival in its term: %v, %s", out, m.Status())
	}
}

func TestVoteCounting(t *testing.T) {
	type vote struct {
		from    int
		term    uint64 // 0 means the candidate's term
		granted bool
	}
	tests := []struct {
		name  string
		n     int
		terms int // elections before the votes arrive
		votes []vote
		want  impl.Role
	}{
		{"§5.2: a majority of 3 wins", 3, 1, []vote{{1, 0, true}}, impl.Leader},
		{"§5.2: a majority of 5 wins", 5, 1, []vote{{1, 0, true}, {2, 0, true}}, impl.Leader},
		{"§5.2: a minority of 5 does not", 5, 1, []vote{{1, 0, true}}, impl.Candidate},
		{"§5.2: refusals are not votes", 5, 1, []vote{{1, 0, false}, {2, 0, false}, {3, 0, true}}, impl.Candidate},
		{"duplicate granted replies count once", 5, 1, []vote{{1, 0, true}, {1, 0, true}, {1, 0, true}}, impl.Candidate},
		{"duplicate granted replies count once, then a new voter wins", 5, 1, []vote{{1, 0, true}, {1, 0, true}, {2, 0, true}}, impl.Leader},
		{"§5.2: a stale vote reply from an older term is not counted", 5, 2, []vote{{1, 1, true}, {2, 1, true}, {3, 1, true}}, impl.Candidate},
		{"§5.2: a stale vote reply does not spoil current ones", 5, 2, []vote{{1, 1, true}, {1, 2, true}, {2, 2, true}}, impl.Leader},
		{"votes from unknown nodes are not counted", 3, 1, []vote{{7, 0, true}, {-1, 0, true}}, impl.Candidate},
		{"a vote from self is not counted twice", 3, 1, []vote{{0, 0, true}}, impl.Candidate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestMachine(t, 0, tt.n, testConfig(), nil)
			for range tt.terms {
				makeCandidate(t, m)
			}
			for _, v := range tt.votes {
				term := v.term
				if term == 0 {
					term = m.term
				}
				m.Step(reply(v.from, 0, term, impl.KindVoteReply, v.granted))
			}
			if m.role != tt.want || m.term != uint64(tt.terms) {
				t.Fatalf("%s, want %s in term %d", m.Status(), tt.want, tt.terms)
			}
		})
	}
}

func TestLeaderHeartbeats(t *testing.T) {
	// §5.2: a new leader sends heartbeats at once to establish its
	// authority, then periodically to prevent new elections.
	cfg := testConfig()
	m := newTestMachine(t, 0, 5, cfg, nil)
	makeCandidate(t, m)
	m.Step(reply(1, 0, 1, impl.KindVoteReply, true))
	m.Step(reply(2, 0, 1, impl.KindVoteReply, true))
	wantStatus(t, m, impl.Status{ID: 0, Term: 1, Role: impl.Leader, Leader: 0, VotedFor: 0})
	wantHeartbeats := func(when string) {
		t.Helper()
		out := m.Ready()
		if len(out) != 4 {
			t.Fatalf("%s: %d messages, want 4 heartbeats: %v", when, len(out), out)
		}
		for _, h := range out {
			if h.Kind != impl.KindHeartbeat || h.Term != 1 || h.To == 0 {
				t.Fatalf("%s: unexpected %v", when, h)
			}
		}
	}
	wantHeartbeats("on election")
	for round := range 3 {
		for range cfg.HeartbeatTicks - 1 {
			m.Tick()
		}
		if out := m.Ready(); len(out) != 0 {
			t.Fatalf("round %d: sent %v before HeartbeatTicks", round, out)
		}
		m.Tick()
		wantHeartbeats("after HeartbeatTicks")
	}
}

func TestHeartbeatHandling(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, m *Machine)
	}{
		{"§5.2: a follower accepts the sender as leader", func(*testing.T, *Machine) {}},
		{"§5.2: a candidate that hears from the leader of its term becomes follower", func(t *testing.T, m *Machine) {
			makeCandidate(t, m)
		}},
		{"§9.6 thesis: a pre-candidate that hears from a leader becomes follower", func(t *testing.T, m *Machine) {
			m.cfg.PreVote = true
			m.Step(msg(2, 0, 1, impl.KindVoteRequest)) // term 1, no leader known
			m.Ready()
			timeout(m)
			if m.role != impl.PreCandidate {
				t.Fatalf("want pre-candidate: %s", m.Status())
			}
			m.Ready()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestMachine(t, 0, 3, testConfig(), nil)
			tt.setup(t, m)
			term, vote := max(m.term, 1), m.vote
			for range 3 {
				m.Tick()
			}
			m.Step(msg(1, 0, term, impl.KindHeartbeat))
			wantStatus(t, m, impl.Status{ID: 0, Term: term, Role: impl.Follower, Leader: 1, VotedFor: vote})
			if m.electionElapsed != 0 {
				t.Fatalf("heartbeat did not reset the election timer: elapsed %d", m.electionElapsed)
			}
			out := only(t, m.Ready())
			if out.Kind != impl.KindHeartbeatReply || out.To != 1 || out.Term != term || !out.Body.(HeartbeatReply).Success {
				t.Fatalf("reply %v %+v", out, out.Body)
			}
		})
	}
}

func TestHeartbeatsKeepFollowerFromCampaigning(t *testing.T) {
	// §5.2: a server remains follower as long as it hears from a leader.
	cfg := testConfig()
	m := newTestMachine(t, 0, 3, cfg, nil)
	for tick := range 20 * cfg.ElectionTicks {
		m.Tick()
		if tick%cfg.HeartbeatTicks == 0 {
			m.Step(msg(1, 0, 1, impl.KindHeartbeat))
		}
		if m.role != impl.Follower {
			t.Fatalf("tick %d: %s", tick, m.Status())
		}
	}
}

func TestHigherTermStepsDown(t *testing.T) {
	// §5.1: if a server learns of a higher term it adopts it and reverts to
	// follower, whatever the message, except pre-votes (§9.6).
	roles := []struct {
		name  string
		setup func(testing.TB, *Machine)
	}{
		{"follower", func(testing.TB, *Machine) {}},
		{"candidate", makeCandidate},
		{"leader", makeLeader},
	}
	kinds := []struct {
		kind       impl.Kind
		granted    bool
		wantLeader int
		wantVote   int
	}{
		{impl.KindHeartbeat, false, 1, impl.None},
		{impl.KindHeartbeatReply, false, impl.None, impl.None},
		{impl.KindVoteRequest, false, impl.None, 1},
		{impl.KindVoteReply, false, impl.None, impl.None},
	}
	for _, r := range roles {
		for _, k := range kinds {
			t.Run("§5.1: a higher-term "+k.kind.String()+" makes a "+r.name+" step down", func(t *testing.T) {
				st := impl.NewMemStorage()
				m := newTestMachine(t, 0, 3, testConfig(), st)
				r.setup(t, m)
				m.Step(reply(1, 0, 7, k.kind, k.granted))
				want := impl.Status{ID: 0, Term: 7, Role: impl.Follower, Leader: k.wantLeader, VotedFor: k.wantVote}
				wantStatus(t, m, want)
				if hs := st.HardState(); hs != (impl.HardState{Term: 7, VotedFor: k.wantVote}) {
					t.Fatalf("stored %+v, want term 7 vote %d", hs, k.wantVote)
				}
			})
		}
	}
}

func TestLowerTermMessages(t *testing.T) {
	// §5.1: a request with a stale term is rejected, and the answer carries
	// the current term so that the sender updates itself (Figure 2).
	tests := []struct {
		name     string
		kind     impl.Kind
		wantKind impl.Kind // KindOther: no reply
	}{
		{"§5.1: a stale heartbeat is answered with the current term", impl.KindHeartbeat, impl.KindHeartbeatReply},
		{"§5.1: a stale vote request is refused with the current term", impl.KindVoteRequest, impl.KindVoteReply},
		{"a stale vote reply is ignored", impl.KindVoteReply, impl.KindOther},
		{"a stale heartbeat reply is ignored", impl.KindHeartbeatReply, impl.KindOther},
	}
	for _, tt := range tests {
		for _, role := range []string{"follower", "leader"} {
			t.Run(tt.name+" by a "+role, func(t *testing.T) {
				m := newTestMachine(t, 0, 3, testConfig(), nil)
				m.Step(msg(2, 0, 3, impl.KindVoteRequest))
				m.Ready()
				if role == "leader" {
					makeLeader(t, m)
				}
				before := m.Status()
				m.Step(reply(1, 0, 2, tt.kind, true))
				wantStatus(t, m, before)
				out := m.Ready()
				if tt.wantKind == impl.KindOther {
					if len(out) != 0 {
						t.Fatalf("answered %v", out)
					}
					return
				}
				r := only(t, out)
				if r.Kind != tt.wantKind || r.Term != m.term || r.Granted || r.To != 1 {
					t.Fatalf("answered %v, want %s with term %d, not granted", r, tt.wantKind, m.term)
				}
			})
		}
	}
}

func TestStaleLeaderStepsDownOnReply(t *testing.T) {
	// §5.1: a deposed leader learns the new term from a heartbeat reply.
	old := newTestMachine(t, 0, 3, testConfig(), nil)
	makeLeader(t, old)
	follower := newTestMachine(t, 1, 3, testConfig(), nil)
	follower.Step(msg(2, 1, 5, impl.KindHeartbeat))
	follower.Ready()
	follower.Step(msg(0, 1, old.term, impl.KindHeartbeat))
	old.Step(only(t, follower.Ready()))
	wantStatus(t, old, impl.Status{ID: 0, Term: 5, Role: impl.Follower, Leader: impl.None, VotedFor: impl.None})
}

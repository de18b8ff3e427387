package raft

import (
	"testing"

	"github.com/ballot-go/ballot/impl"
)

func checkQuorumConfig() Config {
	c := testConfig()
	c.CheckQuorum = true
	return c
}

func TestCheckQuorumIsolatedLeaderStepsDown(t *testing.T) {
	// CheckQuorum: an isolated leader steps down after an election timeout.
	// The window is ElectionTicks, so it steps down between E and 2E ticks
	// after it last heard from a majority.
	for _, n := range []int{1, 3, 5} {
		cfg := checkQuorumConfig()
		nw := newNetwork(t, n, cfg, 11)
		lead := nw.runUntilLeader(50 * cfg.ElectionTicks)
		nw.run(3 * cfg.ElectionTicks)
		if lead.role != impl.Leader {
			t.Fatalf("n=%d: a leader with a quorum stepped down: %s", n, lead.Status())
		}
		nw.isolate(lead.id)
		term := lead.term
		for tick := 1; tick <= 2*cfg.ElectionTicks; tick++ {
			nw.tick()
			if n == 1 || lead.role == impl.Leader {
				continue
			}
			if tick < cfg.ElectionTicks {
				t.Fatalf("n=%d: stepped down after only %d ticks", n, tick)
			}
			wantStatus(t, lead, impl.Status{ID: lead.id, Term: term, Role: impl.Follower, Leader: impl.None, VotedFor: lead.id})
			break
		}
		if n > 1 && lead.role == impl.Leader {
			t.Fatalf("n=%d: isolated leader still leads after 2*ElectionTicks", n)
		}
		if n == 1 && lead.role != impl.Leader {
			t.Fatalf("a cluster of one is its own quorum, yet it stepped down")
		}
	}
}

func TestWithoutCheckQuorumIsolatedLeaderStays(t *testing.T) {
	// §5.2 alone: an isolated leader learns nothing, so it keeps leading.
	cfg := testConfig()
	nw := newNetwork(t, 3, cfg, 11)
	lead := nw.runUntilLeader(50 * cfg.ElectionTicks)
	nw.isolate(lead.id)
	nw.run(10 * cfg.ElectionTicks)
	if lead.role != impl.Leader {
		t.Fatalf("stepped down without CheckQuorum: %s", lead.Status())
	}
}

func TestCheckQuorumLease(t *testing.T) {
	// CheckQuorum: lease makes a node ignore a disruptive vote request
	// (thesis §4.2.3): within ElectionTicks of hearing from a leader, a
	// higher-term vote request changes nothing and gets no answer.
	tests := []struct {
		name        string
		checkQuorum bool
		silence     int // ticks since the last heartbeat
		leader      bool
		wantTerm    uint64
		wantReply   bool
	}{
		{"CheckQuorum: lease makes a node ignore a disruptive vote request", true, 0, false, 1, false},
		{"CheckQuorum: the lease lasts ElectionTicks", true, 9, false, 1, false},
		{"CheckQuorum: after ElectionTicks of silence the request is honoured", true, 10, false, 5, true},
		{"CheckQuorum: a leader is in its own lease", true, 0, true, 1, false},
		{"§5.1: without CheckQuorum the higher term wins", false, 0, false, 5, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			cfg.CheckQuorum = tt.checkQuorum
			cfg.ElectionTicks = 10
			m := newTestMachine(t, 0, 3, cfg, nil)
			if tt.leader {
				makeLeader(t, m)
			} else {
				m.Step(msg(1, 0, 1, impl.KindHeartbeat))
				m.randomizedTimeout = 2 * cfg.ElectionTicks // no campaign of its own meanwhile
			}
			for range tt.silence {
				m.Tick()
			}
			m.Ready()
			m.Step(msg(2, 0, 5, impl.KindVoteRequest))
			out := m.Ready()
			if m.term != tt.wantTerm || (len(out) == 1) != tt.wantReply {
				t.Fatalf("%s, replies %v; want term %d, reply %t", m.Status(), out, tt.wantTerm, tt.wantReply)
			}
			if tt.wantReply && !out[0].Granted {
				t.Fatalf("reply %v, want granted", out[0])
			}
		})
	}
}

func TestCheckQuorumRejoiningNodeDoesNotDisruptVotes(t *testing.T) {
	// CheckQuorum: lease: a node back from a partition with a higher term
	// cannot win votes from followers of a live leader. Without pre-vote its
	// higher term still reaches the leader through heartbeat replies, which
	// is why PreVote and CheckQuorum go together.
	cfg := checkQuorumConfig()
	cfg.PreVote = true
	nw := newNetwork(t, 5, cfg, 3)
	lead := nw.runUntilLeader(50 * cfg.ElectionTicks)
	term := lead.term
	victim := (lead.id + 1) % 5
	nw.isolate(victim)
	nw.run(20 * cfg.ElectionTicks)
	nw.heal()
	nw.run(20 * cfg.ElectionTicks)
	if now := nw.leader(); now.id != lead.id || now.term != term {
		t.Fatalf("leader changed from %d in term %d to %s", lead.id, term, now.Status())
	}
}

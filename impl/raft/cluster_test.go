package raft

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ballot-go/ballot/impl"
)

func configs() map[string]Config {
	both := testConfig()
	both.PreVote, both.CheckQuorum = true, true
	return map[string]Config{
		"plain":       testConfig(),
		"prevote":     preVoteConfig(),
		"checkquorum": checkQuorumConfig(),
		"both":        both,
		"default":     DefaultConfig(),
	}
}

// wantOneLeader checks §5.2's outcome: one leader, and every other node
// following it in its term.
func wantOneLeader(t *testing.T, nw *network) *Machine {
	t.Helper()
	lead := nw.leader()
	for _, m := range nw.machines {
		if m != nil && m != lead && (m.role != impl.Follower || m.term != lead.term || m.lead != lead.id) {
			t.Fatalf("node %s does not follow leader %s", m.Status(), lead.Status())
		}
	}
	return lead
}

func TestClusterElectsOneLeader(t *testing.T) {
	// §5.2: a cluster elects exactly one leader and keeps it.
	for name, cfg := range configs() {
		for _, n := range []int{3, 5} {
			for seed := range uint64(20) {
				nw := newNetwork(t, n, cfg, seed)
				lead := nw.runUntilLeader(20 * cfg.ElectionTicks)
				nw.run(5 * cfg.ElectionTicks)
				if now := wantOneLeader(t, nw); now != lead {
					t.Fatalf("%s n=%d seed %d: leader changed without a fault: %s -> %s", name, n, seed, lead.Status(), now.Status())
				}
			}
		}
	}
}

func TestClusterReplacesLostLeader(t *testing.T) {
	// §5.2: when the leader is cut off, the rest elect a new one in a later
	// term; when it returns, it learns the new term and follows (§5.1).
	for name, cfg := range configs() {
		for _, n := range []int{3, 5} {
			for seed := range uint64(10) {
				nw := newNetwork(t, n, cfg, seed)
				old := nw.runUntilLeader(20 * cfg.ElectionTicks)
				nw.isolate(old.id)
				others := slices.DeleteFunc(peersN(n), func(id int) bool { return id == old.id })
				lead := nw.runUntilLeader(20*cfg.ElectionTicks, others...)
				if lead.term <= old.term {
					t.Fatalf("%s n=%d seed %d: new leader in term %d, old in %d", name, n, seed, lead.term, old.term)
				}
				nw.heal()
				nw.run(5 * cfg.ElectionTicks)
				wantOneLeader(t, nw)
			}
		}
	}
}

func TestClusterSurvivesCrashes(t *testing.T) {
	// Figure 2: a crashed server restarts from storage; the cluster stays
	// safe (checked on every delivery) and elects again.
	for name, cfg := range configs() {
		for seed := range uint64(10) {
			nw := newNetwork(t, 5, cfg, seed)
			r := rand.New(rand.NewPCG(seed, 99))
			for range 10 {
				lead := nw.runUntilLeader(20 * cfg.ElectionTicks)
				nw.crash(lead.id)
				other := r.IntN(5)
				if other != lead.id {
					nw.crash(other)
				}
				nw.run(r.IntN(3 * cfg.ElectionTicks))
				nw.restart(lead.id)
				if other != lead.id {
					nw.restart(other)
				}
			}
			nw.run(10 * cfg.ElectionTicks)
			if lead := wantOneLeader(t, nw); lead == nil {
				t.Fatalf("%s seed %d: no leader", name, seed)
			}
		}
	}
}

func TestClusterLossyNetworkIsSafeAndDeterministic(t *testing.T) {
	// §5.2 safety under message loss, and replay: the same seed gives the
	// same run, status by status.
	trace := func(cfg Config, seed uint64) []impl.Status {
		nw := newNetwork(t, 5, cfg, seed)
		loss := rand.New(rand.NewPCG(seed, 1234))
		nw.drop = func(impl.Message) bool { return loss.IntN(4) == 0 }
		var out []impl.Status
		for range 100 * cfg.ElectionTicks {
			nw.tick()
			for _, m := range nw.machines {
				out = append(out, m.Status())
			}
		}
		return out
	}
	for name, cfg := range configs() {
		a, b := trace(cfg, 5), trace(cfg, 5)
		if !slices.Equal(a, b) {
			t.Fatalf("%s: same seed, different runs", name)
		}
		if slices.Equal(a, trace(cfg, 6)) {
			t.Fatalf("%s: different seeds, same run", name)
		}
	}
}

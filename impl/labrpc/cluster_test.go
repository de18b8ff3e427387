package labrpc_test

import (
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/labrpc/example"
	"github.com/ballot-go/ballot/internal/goroutines"
)

// awaitOneLeader polls every 10 ms, up to limit, until exactly one live node
// leads, and returns it with its term.
func awaitOneLeader(t *testing.T, tn *testNet, limit time.Duration) (int, uint64) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		leaders, term, _ := tn.leaders()
		if len(leaders) == 1 {
			return leaders[0], term
		}
		if time.Now().After(deadline) {
			t.Fatalf("no single leader within %v: leaders %v", limit, leaders)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// awaitSomeLeader polls until a node claims to lead, and fails after limit.
func awaitSomeLeader(t *testing.T, tn *testNet, limit time.Duration) {
	t.Helper()
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if leaders, _, _ := tn.leaders(); len(leaders) > 0 {
			return
		}
	}
	t.Fatalf("no node led within %v", limit)
}

// neverTwoLeadersInATerm polls every node for d and fails if two nodes
// claim to lead the same term.
func neverTwoLeadersInATerm(t *testing.T, tn *testNet, d time.Duration) {
	t.Helper()
	leaderOf := map[uint64]int{}
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		for i, n := range tn.upNodes() {
			term, isLeader := n.State()
			if other, seen := leaderOf[term]; isLeader && seen && other != i {
				t.Fatalf("nodes %d and %d both lead term %d", other, i, term)
			}
			if isLeader {
				leaderOf[term] = i
			}
		}
	}
}

// holdSteady polls for d and fails if the leader or any live node's term
// changes, or if two nodes lead.
func holdSteady(t *testing.T, tn *testNet, leader int, term uint64, d time.Duration) {
	t.Helper()
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		leaders, lt, maxTerm := tn.leaders()
		if len(leaders) != 1 || leaders[0] != leader || lt != term || maxTerm != term {
			t.Fatalf("with nothing failing: leaders %v in term %d, highest term %d; want %d alone in term %d",
				leaders, lt, maxTerm, leader, term)
		}
	}
}

// Three example nodes over the test network, in real time: a leader within
// the 6.5840 rule's 5 s, never two leaders of one term, and no goroutine
// left after every node stops. Steadiness and the heartbeat budget are
// asserted in virtual time (below): in real time a loaded machine may delay
// a heartbeat past an election timeout, and a new term is then correct
// behaviour, as is a deposed leader that has not yet heard of it.
func TestExampleClusterRealTime(t *testing.T) {
	base := runtime.NumGoroutine()
	tn := newTestNet(t, 3, labrpc.Node(example.Make), time.Millisecond)
	tn.startAll()
	awaitSomeLeader(t, tn, 5*time.Second)
	neverTwoLeadersInATerm(t, tn, time.Second)
	tn.stopAll()
	waitGoroutines(t, base)
}

// The same cluster in a synctest bubble, as the framework's goroutine runner
// will run it: steady leadership, the heartbeat budget, re-election after the
// leader crashes, a restart from storage that keeps terms monotonic, and no
// goroutine 100 ms after the last Stop (the bubble would deadlock otherwise).
func TestExampleClusterSyncTest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		base := len(bubbleGoroutines())
		tn := newTestNet(t, 5, labrpc.Node(example.Make), time.Millisecond)
		tn.startAll()

		awaitOneLeader(t, tn, 5*time.Second)
		time.Sleep(time.Second)
		leader, term := awaitOneLeader(t, tn, time.Second)
		holdSteady(t, tn, leader, term, 10*time.Second)
		if most, link := tn.maxHeartbeatsPerSecond(); most > 10 {
			t.Fatalf("%d heartbeats within 1 s on link %v; the budget is 10", most, link)
		}

		tn.stop(leader)
		crashedAt := time.Now()
		next, nextTerm := awaitOneLeader(t, tn, 5*time.Second)
		if next == leader || nextTerm <= term {
			t.Fatalf("after crashing %d (term %d): leader %d in term %d", leader, term, next, nextTerm)
		}
		t.Logf("node %d led term %d %v after node %d crashed", next, nextTerm, time.Since(crashedAt), leader)

		tn.start(leader) // from its storage
		if restarted, _ := tn.nodes[leader].State(); restarted < term {
			t.Fatalf("restarted node %d in term %d; it had reached term %d", leader, restarted, term)
		}
		time.Sleep(2 * time.Second)
		final, finalTerm := awaitOneLeader(t, tn, 5*time.Second)
		holdSteady(t, tn, final, finalTerm, 3*time.Second)

		tn.stopAll()
		time.Sleep(100 * time.Millisecond)
		if gs := bubbleGoroutines(); len(gs) > base {
			t.Fatalf("%d goroutines 100 ms after the last Stop, %d before:\n%s", len(gs), base, goroutines.Format(gs))
		}
	})
}

// bubbleGoroutines are the goroutines of the caller's synctest bubble: a
// count over the whole process would include the runtime's and the test
// framework's, which come and go on their own.
func bubbleGoroutines() []goroutines.Goroutine {
	gs := goroutines.Snapshot()
	me := goroutines.CurrentID()
	for _, g := range gs {
		if g.ID == me {
			return goroutines.InBubble(gs, g.Bubble)
		}
	}
	return nil
}

package appendlog

import (
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/labrpc"
)

// directNet delivers calls by calling the receiver's handler, at once,
// unless either end is cut off. It counts the AppendEntries that carried
// entries, and those that were rejected.
type directNet struct {
	mu       sync.Mutex
	handlers []impl.Handler
	cut      []bool
	carried  int
	rejected int
}

type endpoint struct {
	net  *directNet
	from int
}

func (e endpoint) Call(peer int, method string, args, reply any) bool {
	n := e.net
	n.mu.Lock()
	h, down := n.handlers[peer], n.cut[e.from] || n.cut[peer]
	n.mu.Unlock()
	if down || h == nil || !h.Serve(method, args, reply) {
		return false
	}
	if a, ok := args.(*AppendEntriesArgs); ok {
		n.mu.Lock()
		if len(a.Entries) > 0 {
			n.carried++
		}
		if !reply.(*AppendEntriesReply).Success {
			n.rejected++
		}
		n.mu.Unlock()
	}
	return true
}

func (n *directNet) setCut(peer int, cut bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.cut[peer] = cut
}

// cluster starts n peers on a directNet and returns them, with a function
// that stops them all.
func cluster(t *testing.T, n int) (*directNet, []*Raft, func()) {
	t.Helper()
	net := &directNet{handlers: make([]impl.Handler, n), cut: make([]bool, n)}
	rafts := make([]*Raft, n)
	nodes := make([]impl.Node, n)
	peers := make([]int, n)
	for i := range peers {
		peers[i] = i
	}
	factory := labrpc.Node(func(ends []*labrpc.ClientEnd, me int, ps *labrpc.Persister, ch chan labrpc.ApplyMsg) *Raft {
		rafts[me] = Make(ends, me, ps, ch)
		return rafts[me]
	})
	for i := range n {
		node, h, err := factory(impl.Env{ID: i, Peers: peers, Transport: endpoint{net, i}, Storage: impl.NewMemStorage()})
		if err != nil {
			t.Fatal(err)
		}
		nodes[i] = node
		net.mu.Lock()
		net.handlers[i] = h
		net.mu.Unlock()
	}
	return net, rafts, func() {
		for _, node := range nodes {
			node.Stop()
		}
	}
}

// leaderOf returns the one peer among those not cut off that leads, or
// fails.
func leaderOf(t *testing.T, net *directNet, rafts []*Raft) int {
	t.Helper()
	found := -1
	for i, rf := range rafts {
		net.mu.Lock()
		cut := net.cut[i]
		net.mu.Unlock()
		if _, isLeader := rf.GetState(); isLeader && !cut {
			if found >= 0 {
				t.Fatalf("peers %d and %d both lead", found, i)
			}
			found = i
		}
	}
	if found < 0 {
		t.Fatal("no leader")
	}
	return found
}

func logOf(rf *Raft) ([]Entry, int) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	return slices.Clone(rf.log), rf.commitIndex
}

// Five peers. A follower misses commands and an election; the old leader
// misses the new leader's no-op. Healed, both are caught up by rejected
// AppendEntries retried one entry further back each time, the behind
// follower never wins a vote, and the commands stay committed where they
// were.
func TestLaggingPeersCatchUpThroughRetries(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		net, rafts, stop := cluster(t, 5)
		defer func() {
			stop()
			time.Sleep(time.Millisecond) // the last replication goroutines return
		}()
		time.Sleep(2 * time.Second)
		old := leaderOf(t, net, rafts)
		behind := (old + 1) % 5
		net.setCut(behind, true)
		var indices []int
		for c := range 3 {
			index, _, ok := rafts[old].Start(100 + c)
			if !ok {
				t.Fatal("the leader refused a command")
			}
			indices = append(indices, index)
		}
		time.Sleep(time.Second)
		net.setCut(old, true)
		time.Sleep(2 * time.Second)
		second := leaderOf(t, net, rafts)
		net.setCut(behind, false)
		net.setCut(old, false)
		time.Sleep(3 * time.Second)

		final := leaderOf(t, net, rafts)
		if final == behind {
			t.Fatalf("peer %d led though its log was behind", behind)
		}
		want, commit := logOf(rafts[final])
		if commit != len(want)-1 {
			t.Fatalf("the leader committed %d of %d entries", commit, len(want)-1)
		}
		for i, c := range indices {
			if want[c].Command != 100+i {
				t.Fatalf("command %d is not at index %d: %+v", 100+i, c, want[c])
			}
		}
		for i, rf := range rafts {
			if got, _ := logOf(rf); !slices.Equal(got, want) {
				t.Fatalf("peer %d log %v; leader %d has %v", i, got, final, want)
			}
		}
		net.mu.Lock()
		defer net.mu.Unlock()
		if net.rejected == 0 || net.carried == 0 {
			t.Fatalf("%d rejections, %d AppendEntries with entries; the catch-up took none (leaders %d, %d, %d)",
				net.rejected, net.carried, old, second, final)
		}
	})
}

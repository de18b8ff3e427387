package stateonly_test

import (
	"math/rand/v2"
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/zoo/sound/stateonly"
	"github.com/hashicorp/go-hclog"
)

// unreachable is a network on which every call fails at once.
type unreachable struct{}

func (unreachable) Call(int, string, any, any) bool { return false }

type silent struct{}

func (silent) Observe(impl.Status) {}

func start(t *testing.T, st impl.Storage) (impl.Node, impl.Handler) {
	t.Helper()
	n, h, err := stateonly.New(impl.Env{
		ID: 0, Peers: []int{0, 1, 2}, Transport: unreachable{}, Storage: st,
		Logger: hclog.NewNullLogger(), Observer: silent{}, Rand: rand.New(rand.NewPCG(1, 2)),
	})
	if err != nil {
		t.Fatal(err)
	}
	return n, h
}

func ask(h impl.Handler, term uint64, candidate int) (stateonly.VoteReply, bool) {
	var r stateonly.VoteReply
	ok := h.Serve("Peer.RequestVote", stateonly.VoteArgs{Term: term, Candidate: candidate}, &r)
	return r, ok
}

// Figure 2: the vote is on storage before the answer leaves, and a restarted
// node keeps it.
func TestVoteIsSavedBeforeTheAnswer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st := impl.NewMemStorage()
		n, h := start(t, st)
		if r, ok := ask(h, 5, 1); !ok || !r.Granted || r.Term != 5 {
			t.Fatalf("first candidate of term 5: got %+v (ok=%t), want a grant", r, ok)
		}
		if hs := st.HardState(); hs != (impl.HardState{Term: 5, VotedFor: 1}) {
			t.Fatalf("storage holds %+v after the grant", hs)
		}
		n.Stop()
		n, h = start(t, st)
		defer n.Stop()
		if term, _ := n.State(); term != 5 {
			t.Errorf("restarted in term %d, want 5", term)
		}
		if r, _ := ask(h, 5, 2); r.Granted {
			t.Errorf("restarted node voted a second time in term 5: %+v", r)
		}
	})
}

// A stopped node answers nothing, at once, and leaves no goroutine behind:
// synctest.Test fails if one is still blocked when the bubble ends.
func TestStopEndsEverything(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n, h := start(t, impl.NewMemStorage())
		time.Sleep(3 * time.Second) // a few failed campaigns
		if term, leader := n.State(); term == 0 || leader {
			t.Errorf("alone, the node is in term %d with leader=%t; want campaigns and no lead", term, leader)
		}
		n.Stop()
		if _, ok := ask(h, 99, 1); ok {
			t.Error("a stopped node answered a vote request")
		}
		n.Stop() // a second Stop is harmless
	})
}

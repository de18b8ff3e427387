package tutorial_test

import (
	"math/rand/v2"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/zoo/sound/tutorial"
	"github.com/hashicorp/go-hclog"
)

// unreachable is a network on which every call fails at once.
type unreachable struct{}

func (unreachable) Call(int, string, any, any) bool { return false }

// reports keeps what the module tells its Observer.
type reports struct {
	mu  sync.Mutex
	all []impl.Status
}

func (r *reports) Observe(s impl.Status) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.all = append(r.all, s)
}

func (r *reports) last() impl.Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.all[len(r.all)-1]
}

func start(t *testing.T, obs impl.Observer) (impl.Node, impl.Handler) {
	t.Helper()
	n, h, err := tutorial.New(impl.Env{
		ID: 0, Peers: []int{0, 1, 2}, Transport: unreachable{}, Storage: impl.NewMemStorage(),
		Logger: hclog.NewNullLogger(), Observer: obs, Rand: rand.New(rand.NewPCG(1, 2)),
	})
	if err != nil {
		t.Fatal(err)
	}
	return n, h
}

// Figure 2: a candidate that learns of its term's leader follows it, but
// keeps its vote for itself; clearing votedFor on every step-down would forget it.
func TestCandidateKeepsItsVoteWhenItFollows(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		obs := &reports{}
		n, h := start(t, obs)
		defer stop(n)
		time.Sleep(300 * time.Millisecond) // the longest timeout: it campaigns
		if st := obs.last(); st.Role != impl.Candidate || st.Term != 1 || st.VotedFor != 0 {
			t.Fatalf("after one timeout: %v, want a candidate of term 1 voting for itself", st)
		}
		var ae tutorial.AppendEntriesReply
		if !h.Serve("ConsensusModule.AppendEntries", tutorial.AppendEntriesArgs{Term: 1, LeaderId: 1}, &ae) || !ae.Success {
			t.Fatalf("heartbeat of term 1 refused: %+v", ae)
		}
		var rv tutorial.RequestVoteReply
		h.Serve("ConsensusModule.RequestVote", tutorial.RequestVoteArgs{Term: 1, CandidateId: 2}, &rv)
		if rv.VoteGranted {
			t.Errorf("voted for node 2 in term 1 after voting for itself")
		}
		if st := obs.last(); st != (impl.Status{ID: 0, Term: 1, Role: impl.Follower, Leader: 1, VotedFor: 0}) {
			t.Errorf("last report %v, want a follower of 1 in term 1 that voted for itself", st)
		}
	})
}

// A stopped module answers nothing, and its goroutines end within a
// heartbeat interval.
func TestStopEndsEverything(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n, h := start(t, &reports{})
		time.Sleep(time.Second)
		stop(n)
		var rv tutorial.RequestVoteReply
		if h.Serve("ConsensusModule.RequestVote", tutorial.RequestVoteArgs{Term: 99, CandidateId: 1}, &rv) {
			t.Error("a stopped module answered a vote request")
		}
	})
}

// stop stops n and waits the longest poll of its goroutines, the 50 ms of
// the heartbeat loop; the bubble then fails if any goroutine is left.
func stop(n impl.Node) {
	n.Stop()
	time.Sleep(50 * time.Millisecond)
	synctest.Wait()
}

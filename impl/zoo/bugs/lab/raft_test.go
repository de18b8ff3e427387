package lab

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/labrpc"
)

// newTestRaft builds peer me of an n-peer cluster on s, whose ClientEnds
// all fail, with no goroutine running: the tests call the handlers.
func newTestRaft(t *testing.T, me, n int, s impl.Storage) *Raft {
	t.Helper()
	ps, err := labrpc.NewPersister(s)
	if err != nil {
		t.Fatal(err)
	}
	return newRaft(make([]*labrpc.ClientEnd, n), me, ps, Variant{})
}

func vote(rf *Raft, term, candidate int) RequestVoteReply {
	var reply RequestVoteReply
	rf.RequestVote(&RequestVoteArgs{Term: term, CandidateId: candidate}, &reply)
	return reply
}

func TestOneVotePerTerm(t *testing.T) {
	rf := newTestRaft(t, 0, 3, impl.NewMemStorage())
	if r := vote(rf, 1, 1); !r.VoteGranted || r.Term != 1 {
		t.Fatalf("first request of term 1 got %+v; want granted in term 1", r)
	}
	if r := vote(rf, 1, 2); r.VoteGranted {
		t.Fatal("a second candidate of term 1 got the vote")
	}
	if r := vote(rf, 1, 1); !r.VoteGranted {
		t.Fatal("the same candidate asking again was refused; a retry must be granted")
	}
	if r := vote(rf, 0, 2); r.VoteGranted || r.Term != 1 {
		t.Fatalf("a candidate of an older term got %+v; want refused with term 1", r)
	}
	if r := vote(rf, 2, 2); !r.VoteGranted {
		t.Fatal("a new term brings a new vote, but candidate 2 of term 2 was refused")
	}
}

// Following the leader of the term keeps the vote cast in it; the
// votedforreset bug is the opposite.
func TestHeartbeatKeepsTheVote(t *testing.T) {
	rf := newTestRaft(t, 0, 3, impl.NewMemStorage())
	vote(rf, 1, 1)
	rf.role = candidate
	var reply AppendEntriesReply
	rf.AppendEntries(&AppendEntriesArgs{Term: 1, LeaderId: 1}, &reply)
	if !reply.Success || rf.role != follower || rf.votedFor != 1 {
		t.Fatalf("after a heartbeat of term 1: %+v, role %v, vote %d; want success, a follower still voting for 1", reply, rf.role, rf.votedFor)
	}
	if r := vote(rf, 1, 2); r.VoteGranted {
		t.Fatal("voted twice in term 1 after following its leader")
	}
}

// A vote granted for an election that is over does not count; the
// stalevotereply bug counts it.
func TestStaleVoteDoesNotCount(t *testing.T) {
	rf := newTestRaft(t, 0, 3, impl.NewMemStorage())
	rf.currentTerm, rf.role, rf.votes = 2, candidate, 1
	Count(rf, &RequestVoteArgs{Term: 1, CandidateId: 0}, &RequestVoteReply{Term: 1, VoteGranted: true})
	if rf.role != candidate || rf.votes != 1 {
		t.Fatalf("a grant for term 1 counted in term 2: role %v, votes %d", rf.role, rf.votes)
	}
}

func TestVoteSurvivesRestart(t *testing.T) {
	s := impl.NewMemStorage()
	vote(newTestRaft(t, 0, 3, s), 7, 2)
	again := newTestRaft(t, 0, 3, s)
	if again.currentTerm != 7 || again.votedFor != 2 {
		t.Fatalf("restarted with term %d vote %d; want 7 and 2", again.currentTerm, again.votedFor)
	}
}

// A lone peer elects itself, and Kill ends both its goroutines: synctest
// fails the test if one is left behind.
func TestLonePeerLeadsAndKillEndsItsGoroutines(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ps, err := labrpc.NewPersister(impl.NewMemStorage())
		if err != nil {
			t.Fatal(err)
		}
		rf := New(make([]*labrpc.ClientEnd, 1), 0, ps, Variant{})
		time.Sleep(ElectionTimeoutMax + TickStep)
		if term, isLeader := rf.GetState(); term != 1 || !isLeader {
			t.Fatalf("GetState = %d, %t; want the leader of term 1", term, isLeader)
		}
		rf.Kill()
		time.Sleep(2 * TickStep)
	})
}

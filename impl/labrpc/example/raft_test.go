package example

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/labrpc"
)

// newTestRaft builds peer me of an n-peer cluster whose ClientEnds all fail,
// with no goroutine running: the tests call the handlers directly.
func newTestRaft(t *testing.T, me, n int, s impl.Storage) *Raft {
	t.Helper()
	ps, err := labrpc.NewPersister(s)
	if err != nil {
		t.Fatal(err)
	}
	return newRaft(make([]*labrpc.ClientEnd, n), me, ps)
}

func vote(rf *Raft, term, candidate int) RequestVoteReply {
	var reply RequestVoteReply
	rf.RequestVote(&RequestVoteArgs{Term: term, CandidateId: candidate}, &reply)
	return reply
}

func heartbeat(rf *Raft, term, leaderID int) AppendEntriesReply {
	var reply AppendEntriesReply
	rf.AppendEntries(&AppendEntriesArgs{Term: term, LeaderId: leaderID}, &reply)
	return reply
}

func TestGrantsOneVotePerTerm(t *testing.T) {
	rf := newTestRaft(t, 0, 3, impl.NewMemStorage())
	if r := vote(rf, 1, 1); !r.VoteGranted || r.Term != 1 {
		t.Fatalf("first request of term 1 got %+v; want granted in term 1", r)
	}
	if r := vote(rf, 1, 2); r.VoteGranted {
		t.Fatalf("a second candidate of term 1 got %+v; the vote went to 1", r)
	}
	if r := vote(rf, 1, 1); !r.VoteGranted {
		t.Fatalf("the same candidate asking again got %+v; want granted (a retry)", r)
	}
	if r := vote(rf, 2, 2); !r.VoteGranted || r.Term != 2 {
		t.Fatalf("candidate 2 in term 2 got %+v; a new term brings a new vote", r)
	}
	if rf.votedFor != 2 || rf.currentTerm != 2 {
		t.Fatalf("state term %d vote %d; want term 2 vote 2", rf.currentTerm, rf.votedFor)
	}
}

func TestRefusesStaleCandidate(t *testing.T) {
	rf := newTestRaft(t, 0, 3, impl.NewMemStorage())
	rf.currentTerm = 5
	if r := vote(rf, 4, 1); r.VoteGranted || r.Term != 5 {
		t.Fatalf("a candidate of term 4 got %+v; want refused with term 5", r)
	}
	if rf.votedFor != -1 {
		t.Fatalf("voted for %d after refusing", rf.votedFor)
	}
}

func TestRefusesCandidateWithOlderLog(t *testing.T) {
	rf := newTestRaft(t, 0, 3, impl.NewMemStorage())
	rf.log = append(rf.log, LogEntry{Term: 2})
	rf.currentTerm = 2
	var reply RequestVoteReply
	rf.RequestVote(&RequestVoteArgs{Term: 3, CandidateId: 1, LastLogIndex: 5, LastLogTerm: 1}, &reply)
	if reply.VoteGranted {
		t.Fatal("granted a vote to a candidate whose last log term is older")
	}
	if rf.currentTerm != 3 || reply.Term != 3 {
		t.Fatalf("term %d (reply %d) after a term-3 request; want 3", rf.currentTerm, reply.Term)
	}
	rf.RequestVote(&RequestVoteArgs{Term: 3, CandidateId: 2, LastLogIndex: 1, LastLogTerm: 2}, &reply)
	if !reply.VoteGranted {
		t.Fatal("refused a candidate whose log is as up to date")
	}
}

func TestHigherTermStepsDown(t *testing.T) {
	rf := newTestRaft(t, 0, 3, impl.NewMemStorage())
	rf.currentTerm, rf.votedFor, rf.state = 3, 0, leader

	if r := vote(rf, 4, 1); !r.VoteGranted {
		t.Fatalf("a candidate of a higher term got %+v; want granted", r)
	}
	if term, isLeader := rf.GetState(); term != 4 || isLeader {
		t.Fatalf("GetState = %d, %t after a term-4 request; want 4, false", term, isLeader)
	}

	rf.state = leader // pretend it won term 4 after all
	if r := heartbeat(rf, 6, 2); !r.Success || r.Term != 6 {
		t.Fatalf("heartbeat of term 6 got %+v", r)
	}
	if rf.state != follower || rf.currentTerm != 6 || rf.votedFor != -1 {
		t.Fatalf("state %v term %d vote %d; want follower of term 6 with no vote", rf.state, rf.currentTerm, rf.votedFor)
	}
}

func TestCandidateYieldsToLeaderOfItsTerm(t *testing.T) {
	rf := newTestRaft(t, 0, 3, impl.NewMemStorage())
	rf.currentTerm, rf.votedFor, rf.state = 2, 0, candidate
	if r := heartbeat(rf, 2, 1); !r.Success {
		t.Fatalf("heartbeat of the same term got %+v", r)
	}
	if rf.state != follower || rf.currentTerm != 2 || rf.votedFor != 0 {
		t.Fatalf("state %v term %d vote %d; want follower of term 2 keeping its vote", rf.state, rf.currentTerm, rf.votedFor)
	}
}

func TestRefusesStaleHeartbeat(t *testing.T) {
	rf := newTestRaft(t, 0, 3, impl.NewMemStorage())
	rf.currentTerm, rf.state = 4, leader
	if r := heartbeat(rf, 3, 1); r.Success || r.Term != 4 {
		t.Fatalf("heartbeat of term 3 got %+v; want refused with term 4", r)
	}
	if rf.state != leader {
		t.Fatal("a stale heartbeat deposed the leader")
	}
}

func TestVoteSurvivesRestart(t *testing.T) {
	s := impl.NewMemStorage()
	rf := newTestRaft(t, 0, 3, s)
	if r := vote(rf, 7, 2); !r.VoteGranted {
		t.Fatal("vote refused")
	}
	again := newTestRaft(t, 0, 3, s)
	if again.currentTerm != 7 || again.votedFor != 2 {
		t.Fatalf("restarted with term %d vote %d; want 7 and 2", again.currentTerm, again.votedFor)
	}
	if r := vote(again, 7, 1); r.VoteGranted {
		t.Fatal("voted twice in term 7 across a restart")
	}
}

func TestElectionTimeoutRange(t *testing.T) {
	rf := newTestRaft(t, 0, 3, impl.NewMemStorage())
	for range 1000 {
		before := time.Now()
		rf.resetElectionTimer()
		d := rf.electionDeadline.Sub(before)
		if d < ElectionTimeoutMin || d >= ElectionTimeoutMax+50*time.Millisecond {
			t.Fatalf("election timeout %v outside [%v, %v)", d, ElectionTimeoutMin, ElectionTimeoutMax)
		}
	}
}

// A lone peer elects itself, and Kill ends its ticker: synctest fails the
// test if a goroutine of the bubble is left blocked at the end.
func TestLonePeerLeadsAndKillEndsTicker(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ps, err := labrpc.NewPersister(impl.NewMemStorage())
		if err != nil {
			t.Fatal(err)
		}
		rf := Make(make([]*labrpc.ClientEnd, 1), 0, ps, make(chan labrpc.ApplyMsg))
		time.Sleep(ElectionTimeoutMax + 50*time.Millisecond)
		if term, isLeader := rf.GetState(); term != 1 || !isLeader {
			t.Fatalf("GetState = %d, %t; want leader of term 1", term, isLeader)
		}
		rf.Kill()
		time.Sleep(2 * tickStep)
	})
}

// Three peers whose calls all fail keep campaigning; Kill ends them all,
// vote goroutines included.
func TestIsolatedPeersCampaignAndStop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ps, err := labrpc.NewPersister(impl.NewMemStorage())
		if err != nil {
			t.Fatal(err)
		}
		rf := Make(make([]*labrpc.ClientEnd, 3), 1, ps, make(chan labrpc.ApplyMsg))
		time.Sleep(3 * time.Second)
		term, isLeader := rf.GetState()
		if isLeader || term < 3 {
			t.Fatalf("GetState = %d, %t after 3 s alone; want a candidate of term 3 or more", term, isLeader)
		}
		rf.Kill()
		time.Sleep(2 * tickStep)
	})
}

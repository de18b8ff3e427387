package lab2024

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/labrpc"
)

// newPeer builds peer me of an n-peer cluster on s, with no goroutine
// running and ClientEnds that always fail: tests call the handlers.
func newPeer(t *testing.T, me, n int, s impl.Storage) *Raft {
	t.Helper()
	ps, err := labrpc.NewPersister(s)
	if err != nil {
		t.Fatal(err)
	}
	rf := &Raft{peers: make([]*labrpc.ClientEnd, n), persister: ps, me: me, votedFor: -1}
	rf.resetElectionTimer()
	rf.readPersist(ps.ReadRaftState())
	return rf
}

func requestVote(rf *Raft, term, candidate int) RequestVoteReply {
	var reply RequestVoteReply
	rf.RequestVote(&RequestVoteArgs{Term: term, CandidateId: candidate}, &reply)
	return reply
}

// The habit this package exists for: the grant carries the voter's old
// term, while the vote, saved, is for the candidate's.
func TestGrantCarriesTheVotersOldTerm(t *testing.T) {
	s := impl.NewMemStorage()
	rf := newPeer(t, 0, 3, s)
	rf.currentTerm = 4
	reply := requestVote(rf, 5, 1)
	if !reply.VoteGranted || reply.Term != 4 {
		t.Fatalf("reply %+v; want granted, with the old term 4", reply)
	}
	again := newPeer(t, 0, 3, s)
	if again.currentTerm != 5 || again.votedFor != 1 {
		t.Fatalf("saved term %d vote %d; want the vote for 1 in term 5", again.currentTerm, again.votedFor)
	}
	if r := requestVote(again, 5, 2); r.VoteGranted {
		t.Fatal("voted twice in term 5 across a restart")
	}
}

// A candidate counts such a grant, by the term it asked in, and nothing
// else: not a grant from an election it has left.
func TestCandidateCountsGrantsByItsOwnTerm(t *testing.T) {
	rf := newPeer(t, 0, 3, impl.NewMemStorage())
	rf.mu.Lock()
	defer rf.mu.Unlock()
	rf.currentTerm = 4
	rf.startElection() // term 5; the requests fail at once
	stale := RequestVoteArgs{Term: 4, CandidateId: 0}
	rf.countVote(&stale, &RequestVoteReply{Term: 3, VoteGranted: true})
	if rf.state != Candidate {
		t.Fatal("a grant from an earlier election made it leader")
	}
	current := RequestVoteArgs{Term: 5, CandidateId: 0}
	rf.countVote(&current, &RequestVoteReply{Term: 4, VoteGranted: true})
	if rf.state != Leader || rf.currentTerm != 5 {
		t.Fatalf("state %d term %d; want leader of term 5 on a grant that carried term 4", rf.state, rf.currentTerm)
	}
}

func TestHigherReplyTermDeposes(t *testing.T) {
	rf := newPeer(t, 0, 3, impl.NewMemStorage())
	rf.mu.Lock()
	defer rf.mu.Unlock()
	rf.currentTerm, rf.state = 5, Candidate
	args := RequestVoteArgs{Term: 5, CandidateId: 0}
	rf.countVote(&args, &RequestVoteReply{Term: 7})
	if rf.state != Follower || rf.currentTerm != 7 || rf.votedFor != -1 {
		t.Fatalf("state %d term %d vote %d; want a follower of term 7 with no vote", rf.state, rf.currentTerm, rf.votedFor)
	}
}

func TestStaleRequestsAreRefused(t *testing.T) {
	rf := newPeer(t, 0, 3, impl.NewMemStorage())
	rf.currentTerm = 5
	if r := requestVote(rf, 4, 1); r.VoteGranted || r.Term != 5 {
		t.Fatalf("vote request of term 4 got %+v; want refused with term 5", r)
	}
	var reply AppendEntriesReply
	rf.AppendEntries(&AppendEntriesArgs{Term: 4, LeaderId: 1}, &reply)
	if reply.Success || reply.Term != 5 {
		t.Fatalf("heartbeat of term 4 got %+v; want refused with term 5", reply)
	}
}

// A lone peer elects itself; its heartbeat loop then runs exactly 100 ms
// apart, and Kill ends both loops within 350 ms (the bubble would
// deadlock otherwise).
func TestLonePeerLeadsAndKillEndsLoops(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ps, err := labrpc.NewPersister(impl.NewMemStorage())
		if err != nil {
			t.Fatal(err)
		}
		rf := Make(make([]*labrpc.ClientEnd, 1), 0, ps, make(chan labrpc.ApplyMsg))
		time.Sleep(time.Second) // 600 ms of timeout, 350 ms of ticker sleep
		if term, isLeader := rf.GetState(); term != 1 || !isLeader {
			t.Fatalf("GetState = %d, %t; want leader of term 1", term, isLeader)
		}
		rf.mu.Lock()
		first := rf.lastBroadcast
		rf.mu.Unlock()
		time.Sleep(HeartbeatInterval)
		synctest.Wait()
		rf.mu.Lock()
		gap := rf.lastBroadcast.Sub(first)
		rf.mu.Unlock()
		if gap != HeartbeatInterval {
			t.Fatalf("heartbeat rounds %v apart; want %v", gap, HeartbeatInterval)
		}
		rf.Kill()
		// The ticker notices at its next wake-up, at most 350 ms away.
		time.Sleep(350 * time.Millisecond)
	})
}

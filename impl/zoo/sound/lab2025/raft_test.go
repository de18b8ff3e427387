package lab2025

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
	rf.readPersist(ps.ReadRaftState())
	rf.resetElectionDeadline()
	return rf
}

func requestVote(rf *Raft, term, candidate int) RequestVoteReply {
	var reply RequestVoteReply
	rf.RequestVote(&RequestVoteArgs{Term: term, CandidateId: candidate}, &reply)
	return reply
}

func TestOneVotePerTermAcrossRestarts(t *testing.T) {
	s := impl.NewMemStorage()
	rf := newPeer(t, 0, 3, s)
	if r := requestVote(rf, 3, 1); !r.VoteGranted || r.Term != 3 {
		t.Fatalf("first request of term 3 got %+v; want granted in term 3", r)
	}
	again := newPeer(t, 0, 3, s)
	if r := requestVote(again, 3, 2); r.VoteGranted {
		t.Fatal("voted twice in term 3 across a restart")
	}
	if r := requestVote(again, 3, 1); !r.VoteGranted {
		t.Fatal("refused the candidate it voted for, asking again")
	}
}

// A request that changes nothing is not saved: the saved bytes stay those
// of the last change.
func TestSavesOnlyChanges(t *testing.T) {
	s := impl.NewMemStorage()
	rf := newPeer(t, 0, 3, s)
	requestVote(rf, 3, 1)
	saved := rf.PersistBytes()
	if saved == 0 {
		t.Fatal("a vote was not saved")
	}
	s.SetBlob(labrpc.RaftStateBlob, nil) // would stay empty unless saved again
	requestVote(rf, 3, 2)                // refused: nothing changes
	var reply AppendEntriesReply
	rf.AppendEntries(&AppendEntriesArgs{Term: 3, LeaderId: 1}, &reply)
	if b := s.Blob(labrpc.RaftStateBlob); b != nil {
		t.Fatalf("saved %d bytes though neither term nor vote changed", len(b))
	}
	rf.AppendEntries(&AppendEntriesArgs{Term: 4, LeaderId: 2}, &reply)
	if b := s.Blob(labrpc.RaftStateBlob); b == nil {
		t.Fatal("a new term from a heartbeat was not saved")
	}
}

func TestHeartbeatEndsCandidacyOfItsTerm(t *testing.T) {
	rf := newPeer(t, 0, 3, impl.NewMemStorage())
	rf.currentTerm, rf.votedFor, rf.role = 2, 0, Candidate
	var reply AppendEntriesReply
	rf.AppendEntries(&AppendEntriesArgs{Term: 2, LeaderId: 1}, &reply)
	if !reply.Success || rf.role != Follower || rf.votedFor != 0 {
		t.Fatalf("reply %+v, role %v, vote %d; want a follower of term 2 keeping its vote", reply, rf.role, rf.votedFor)
	}
	reply = AppendEntriesReply{}
	rf.AppendEntries(&AppendEntriesArgs{Term: 1, LeaderId: 2}, &reply)
	if reply.Success || reply.Term != 2 {
		t.Fatalf("a heartbeat of term 1 got %+v; want refused with term 2", reply)
	}
}

// A leadership's heartbeat goroutine ends once the term moves on, within
// one interval (the bubble would deadlock otherwise).
func TestLeadershipGoroutineEndsWithItsTerm(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rf := newPeer(t, 0, 3, impl.NewMemStorage())
		rf.currentTerm, rf.votedFor, rf.role = 1, 0, Leader
		go rf.lead(1)
		time.Sleep(3 * HeartbeatInterval)
		reply := RequestVoteReply{}
		rf.RequestVote(&RequestVoteArgs{Term: 2, CandidateId: 1}, &reply)
		if _, isLeader := rf.GetState(); isLeader {
			t.Fatal("still leads after granting a vote in a newer term")
		}
		time.Sleep(HeartbeatInterval)
	})
}

// A lone peer elects itself, and Kill ends all it runs within 100 ms.
func TestLonePeerLeadsAndKillEndsIt(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ps, err := labrpc.NewPersister(impl.NewMemStorage())
		if err != nil {
			t.Fatal(err)
		}
		rf := Make(make([]*labrpc.ClientEnd, 1), 0, ps, make(chan labrpc.ApplyMsg))
		time.Sleep(electionTimeoutMin + electionTimeoutSpread)
		if term, isLeader := rf.GetState(); term != 1 || !isLeader {
			t.Fatalf("GetState = %d, %t; want leader of term 1", term, isLeader)
		}
		rf.Kill()
		time.Sleep(HeartbeatInterval) // lead notices within this, the ticker sooner
	})
}

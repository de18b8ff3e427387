package appendlog

import (
	"testing"

	"github.com/ballot-go/ballot/impl"
)

// newLeader makes rf the leader of its current term, every follower's
// nextIndex just past its log's end.
func newLeader(rf *Raft) {
	rf.role = leader
	for peer := range rf.peers {
		rf.nextIndex[peer] = rf.lastIndex() + 1
	}
	rf.matchIndex[rf.me] = rf.lastIndex()
}

// A follower that lacks PrevLogIndex's entry is sent another AppendEntries
// at once, one entry further back; a rejection that arrives after
// nextIndex has moved changes nothing.
func TestRejectionBacksUpOneEntryAndRetries(t *testing.T) {
	rf := newPeer(t, 0, 3, impl.NewMemStorage())
	withTerms(rf, 1, 1, 2)
	newLeader(rf)
	args, ok := rf.appendArgs(1, 2)
	if !ok || args.PrevLogIndex != 3 || len(args.Entries) != 0 {
		t.Fatalf("first AppendEntries %+v, %t; want an empty one after index 3", args, ok)
	}
	if !rf.handleAppendReply(1, &args, &AppendEntriesReply{Term: 2}) {
		t.Fatal("a rejection was not retried")
	}
	retry, _ := rf.appendArgs(1, 2)
	if retry.PrevLogIndex != 2 || len(retry.Entries) != 1 || retry.PrevLogTerm != 1 {
		t.Fatalf("retry %+v; want one entry after index 2 of term 1", retry)
	}
	if rf.handleAppendReply(1, &args, &AppendEntriesReply{Term: 2}) || rf.nextIndex[1] != 3 {
		t.Fatalf("a stale rejection moved nextIndex to %d or asked for a retry", rf.nextIndex[1])
	}
}

func TestSuccessMovesMatchIndexForwardOnly(t *testing.T) {
	rf := newPeer(t, 0, 3, impl.NewMemStorage())
	withTerms(rf, 1, 1, 2)
	newLeader(rf)
	rf.nextIndex[1] = 1
	long, _ := rf.appendArgs(1, 2)
	rf.handleAppendReply(1, &long, &AppendEntriesReply{Term: 2, Success: true})
	short := AppendEntriesArgs{Term: 2, PrevLogIndex: 1, PrevLogTerm: 1}
	rf.handleAppendReply(1, &short, &AppendEntriesReply{Term: 2, Success: true})
	if rf.matchIndex[1] != 3 || rf.nextIndex[1] != 4 {
		t.Fatalf("matchIndex %d nextIndex %d after a late short success; want 3 and 4", rf.matchIndex[1], rf.nextIndex[1])
	}
}

// An entry of an earlier term commits only beneath one of the leader's own
// term (§5.4.2), however many peers hold it.
func TestCommitsByCountingOnlyItsOwnTerm(t *testing.T) {
	rf := newPeer(t, 0, 3, impl.NewMemStorage())
	withTerms(rf, 1, 2)
	rf.currentTerm = 3
	newLeader(rf)
	rf.matchIndex[1] = 2
	rf.advanceCommit()
	if rf.commitIndex != 0 {
		t.Fatalf("committed index %d of an earlier term by counting", rf.commitIndex)
	}
	rf.appendOwn("x") // index 3, term 3
	rf.matchIndex[1] = 3
	rf.advanceCommit()
	if rf.commitIndex != 3 {
		t.Fatalf("commitIndex %d; want 3 once a majority holds the entry of term 3", rf.commitIndex)
	}
}

func TestFollowerCommitsOnlyWhatTheCallVouchedFor(t *testing.T) {
	rf := newPeer(t, 0, 3, impl.NewMemStorage())
	withTerms(rf, 1, 1, 1) // index 3 may be a stale entry of an old leader
	var reply AppendEntriesReply
	rf.AppendEntries(&AppendEntriesArgs{Term: 2, LeaderId: 1, PrevLogIndex: 2, PrevLogTerm: 1, LeaderCommit: 5}, &reply)
	if !reply.Success || rf.commitIndex != 2 {
		t.Fatalf("reply %+v, commitIndex %d; want success and commitIndex 2", reply, rf.commitIndex)
	}
}

// A candidate whose log is behind learns nothing but that it is behind:
// its term is adopted, its vote refused.
func TestRefusesCandidateWithOlderLog(t *testing.T) {
	rf := newPeer(t, 0, 3, impl.NewMemStorage())
	withTerms(rf, 1, 2)
	var reply RequestVoteReply
	rf.RequestVote(&RequestVoteArgs{Term: 5, CandidateId: 1, LastLogIndex: 7, LastLogTerm: 1}, &reply)
	if reply.VoteGranted || reply.Term != 5 || rf.currentTerm != 5 || rf.votedFor != -1 {
		t.Fatalf("reply %+v, term %d, vote %d; want refused, term 5, no vote", reply, rf.currentTerm, rf.votedFor)
	}
}

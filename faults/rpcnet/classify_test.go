package rpcnet_test

import (
	"testing"

	"github.com/ballot-go/ballot/faults/rpcnet"
	"github.com/ballot-go/ballot/impl"
)

type RequestVoteArgs struct{ Term, CandidateId int }
type RequestVoteReply struct {
	Term        int
	VoteGranted bool
}
type AppendEntriesArgs struct{ Term, LeaderId int }
type AppendEntriesReply struct {
	Term    int
	Success bool
}

func TestDefaultClassifier(t *testing.T) {
	cases := []struct {
		name    string
		method  string
		v       any
		reply   bool
		kind    impl.Kind
		term    uint64
		granted bool
		ok      bool
	}{
		{"vote request", "Raft.RequestVote", &RequestVoteArgs{Term: 4}, false, impl.KindVoteRequest, 4, false, true},
		{"granted vote", "Raft.RequestVote", &RequestVoteReply{Term: 4, VoteGranted: true}, true, impl.KindVoteReply, 4, true, true},
		{"heartbeat by value", "Raft.AppendEntries", AppendEntriesArgs{Term: 7}, false, impl.KindHeartbeat, 7, false, true},
		{"heartbeat reply", "Raft.AppendEntries", &AppendEntriesReply{Term: 8}, true, impl.KindHeartbeatReply, 8, false, true},
		{"pre-vote", "Raft.RequestPreVote", &RequestVoteArgs{Term: 5}, false, impl.KindPreVoteRequest, 5, false, true},
		{"machine message", "Machine.Step", impl.Message{Kind: impl.KindVoteReply, Term: 3, Granted: true}, false, impl.KindVoteReply, 3, true, true},
		{"acknowledgement", "Machine.Step", &struct{}{}, true, 0, 0, false, false},
		{"anything else", "KV.Get", &struct{ Key string }{"x"}, false, impl.KindOther, 0, false, true},
		{"negative term", "Raft.RequestVote", &RequestVoteArgs{Term: -1}, false, impl.KindVoteRequest, 0, false, true},
		{"nil pointer", "Raft.RequestVote", (*RequestVoteArgs)(nil), false, impl.KindVoteRequest, 0, false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kind, term, granted, ok := rpcnet.DefaultClassifier(c.method, c.v, c.reply)
			if ok != c.ok || ok && (kind != c.kind || term != c.term || granted != c.granted) {
				t.Fatalf("got (%v, %d, %t, %t); want (%v, %d, %t, %t)", kind, term, granted, ok, c.kind, c.term, c.granted, c.ok)
			}
		})
	}
}

package rpcnet_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/faults/rpcnet"
	"github.com/ballot-go/ballot/impl"
)

type voteArgs struct{ Term, CandidateID int }
type voteReply struct {
	Term        int
	VoteGranted bool
}
type appendArgs struct {
	Term    int
	Entries []string
}
type appendReply struct {
	Term    int
	Success bool
}

// lateTerm is a voter in the style of many labs: it writes its current term
// into the reply before adopting the candidate's higher one, then grants.
type lateTerm struct {
	leaky
	term int
}

func (v *lateTerm) Serve(method string, args, reply any) bool {
	switch method {
	case "Raft.RequestVote":
		a, r := args.(*voteArgs), reply.(*voteReply)
		r.Term = v.term // before the update: the old term
		v.term = a.Term
		r.VoteGranted = true
	case "Raft.AppendEntries":
		reply.(*appendReply).Success = true
	}
	return true
}

// sentOf runs one call from node 0 to node 1 and returns what the network
// recorded as sent, request and reply.
func sentOf(t *testing.T, method string, args, reply any) []impl.Message {
	var from impl.Transport
	factory := func(env impl.Env) (impl.Node, impl.Handler, error) {
		if env.ID == 0 {
			from = env.Transport
		}
		v := &lateTerm{leaky: leaky{stop: make(chan struct{})}, term: 3}
		return v, v, nil
	}
	rec := &recorder{}
	n, err := rpcnet.New(rpcnet.Config{Nodes: 2, Seed: 1, Factory: factory, Tracer: rec})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	if !from.Call(1, method, args, reply) {
		t.Fatalf("%s was lost on a healthy network", method)
	}
	n.RunFor(10 * time.Millisecond)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]impl.Message(nil), rec.sent...)
}

// A granted vote is a vote for the term of the request it answers, whatever
// term the voter wrote into its reply first.
func TestGrantedVoteIsForTheRequestsTerm(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		reply := &voteReply{}
		sent := sentOf(t, "Raft.RequestVote", &voteArgs{Term: 7}, reply)
		if reply.Term != 3 || !reply.VoteGranted {
			t.Fatalf("the caller got %+v; want the voter's reply as written, term 3, granted", *reply)
		}
		want := impl.Message{From: 1, To: 0, Term: 7, Kind: impl.KindVoteReply, Granted: true}
		if len(sent) != 2 || sent[1] != want {
			t.Fatalf("recorded %v; want the request, then %v", sent, want)
		}
	})
}

// An AppendEntries is recorded with the number of entries it carries, so
// that a heartbeat budget counts only heartbeats.
func TestAppendEntriesRecordsItsEntries(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sent := sentOf(t, "Raft.AppendEntries", &appendArgs{Term: 3, Entries: []string{"a", "b"}}, &appendReply{})
		if len(sent) != 2 || sent[0].Kind != impl.KindHeartbeat || sent[0].Entries != 2 {
			t.Fatalf("recorded %v; want a heartbeat carrying 2 entries first", sent)
		}
	})
}

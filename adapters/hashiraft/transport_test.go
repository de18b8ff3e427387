package hashiraft

import (
	"bytes"
	"io"
	"reflect"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/rpcnet"
	"github.com/ballot-go/ballot/impl"
)

// wire records what ballot's network saw, as the history would.
type wire struct {
	mu   sync.Mutex
	sent []impl.Message
}

func (w *wire) Status(time.Duration, impl.Status)                    {}
func (w *wire) Topology(time.Duration, faults.Topology, int, string) {}
func (w *wire) Incident(faults.Incident)                             {}
func (w *wire) Message(_ time.Duration, ev faults.MessageEvent, m impl.Message, _ string) {
	if ev != faults.Sent {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.sent = append(w.sent, m)
}

func (w *wire) take() []impl.Message {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := w.sent
	w.sent = nil
	return out
}

// endpoint is a node that is only a transport and a handler: node 0 calls
// with its transport, node 1 serves with its handler, and the test plays
// node 1's raft main goroutine on its Consumer channel.
type endpoint struct{ trans *transport }

func (e endpoint) State() (uint64, bool) { return 0, false }
func (e endpoint) Stop()                 { e.trans.Close() }

// pair runs two endpoints on ballot's RPC network, which copies every call
// as it copies any node's.
func pair(t *testing.T, w *wire) (client, server *transport, closeNet func()) {
	t.Helper()
	var mu sync.Mutex
	trans := make([]*transport, 2)
	factory := func(env impl.Env) (impl.Node, impl.Handler, error) {
		st, err := openStore(impl.NewMemStorage())
		if err != nil {
			return nil, nil, err
		}
		tr := newTransport(env.Transport, env.ID, time.Second)
		mu.Lock()
		trans[env.ID] = tr
		mu.Unlock()
		return endpoint{tr}, &handler{trans: tr, store: st, log: env.Logger}, nil
	}
	net, err := rpcnet.New(rpcnet.Config{Nodes: 2, Seed: 1, Factory: factory, Classify: Classify, Tracer: w})
	if err != nil {
		t.Fatal(err)
	}
	return trans[0], trans[1], net.Close
}

// serveOnce answers the next RPC on tr's Consumer with resp, and hands
// over the command and the data it carried.
func serveOnce(tr *transport, resp any) <-chan raft.RPC {
	got := make(chan raft.RPC, 1)
	go func() {
		rpc := <-tr.Consumer()
		if rpc.Reader != nil {
			b, _ := io.ReadAll(rpc.Reader)
			rpc.Reader = bytes.NewReader(b)
		}
		rpc.Respond(resp, nil)
		got <- rpc
	}()
	return got
}

func header(id int) raft.RPCHeader {
	return raft.RPCHeader{ProtocolVersion: raft.ProtocolVersionMax, ID: []byte(serverID(id)), Addr: []byte(serverAddress(id))}
}

// Every RPC the library sends arrives as the command it sent, and its
// answer comes back as given, across ballot's copying network; the wire
// record names each with its kind, term and grant.
func TestTransportRoundTrip(t *testing.T) {
	appended := time.Unix(0, 946684800123456789)
	cases := []struct {
		name     string
		send     func(tr *transport, target raft.ServerAddress) (reply any, err error)
		sent     any // the command the server must receive
		resp     any // what the server answers
		wantData []byte
		kinds    []impl.Kind
		term     uint64
		granted  bool
		entries  int // on the request, as the network counts them
	}{
		{
			name: "AppendEntries with entries",
			sent: &raft.AppendEntriesRequest{RPCHeader: header(0), Term: 7, Leader: []byte(serverAddress(0)),
				PrevLogEntry: 3, PrevLogTerm: 6, LeaderCommitIndex: 3, Entries: []*raft.Log{
					{Index: 4, Term: 7, Type: raft.LogNoop, AppendedAt: appended},
					{Index: 5, Term: 7, Type: raft.LogCommand, Data: []byte("x"), Extensions: []byte("ext")},
				}},
			resp:  &raft.AppendEntriesResponse{RPCHeader: header(1), Term: 7, LastLog: 5, Success: true},
			kinds: []impl.Kind{impl.KindHeartbeat, impl.KindHeartbeatReply}, term: 7, entries: 2,
		},
		{
			name:  "RequestVote",
			sent:  &raft.RequestVoteRequest{RPCHeader: header(0), Term: 9, Candidate: []byte(serverAddress(0)), LastLogIndex: 4, LastLogTerm: 8},
			resp:  &raft.RequestVoteResponse{RPCHeader: header(1), Term: 9, Granted: true},
			kinds: []impl.Kind{impl.KindVoteRequest, impl.KindVoteReply}, term: 9, granted: true,
		},
		{
			name:  "RequestPreVote",
			sent:  &raft.RequestPreVoteRequest{RPCHeader: header(0), Term: 10, LastLogIndex: 4, LastLogTerm: 8},
			resp:  &raft.RequestPreVoteResponse{RPCHeader: header(1), Term: 10, Granted: true},
			kinds: []impl.Kind{impl.KindPreVoteRequest, impl.KindPreVoteReply}, term: 10, granted: true,
		},
		{
			name:  "TimeoutNow",
			sent:  &raft.TimeoutNowRequest{RPCHeader: header(0)},
			resp:  &raft.TimeoutNowResponse{RPCHeader: header(1)},
			kinds: []impl.Kind{impl.KindOther, impl.KindOther},
		},
		{
			name: "InstallSnapshot",
			sent: &raft.InstallSnapshotRequest{RPCHeader: header(0), SnapshotVersion: 1, Term: 4, Leader: []byte(serverAddress(0)),
				LastLogIndex: 30, LastLogTerm: 4, Configuration: []byte("conf"), ConfigurationIndex: 1, Size: 5},
			resp:     &raft.InstallSnapshotResponse{RPCHeader: header(1), Term: 4, Success: true},
			wantData: []byte("hello"),
			kinds:    []impl.Kind{impl.KindOther, impl.KindOther}, term: 4,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				w := &wire{}
				client, server, closeNet := pair(t, w)
				defer closeNet()
				w.take()
				got := serveOnce(server, tc.resp)
				reply, err := send(client, tc.sent, tc.wantData)
				if err != nil {
					t.Fatalf("call failed: %v", err)
				}
				rpc := <-got
				if !reflect.DeepEqual(rpc.Command, tc.sent) {
					t.Errorf("served command\n%#v\nwant\n%#v", rpc.Command, tc.sent)
				}
				if tc.wantData != nil {
					if b, _ := io.ReadAll(rpc.Reader); !bytes.Equal(b, tc.wantData) {
						t.Errorf("snapshot data %q, want %q", b, tc.wantData)
					}
				}
				if !reflect.DeepEqual(reply, tc.resp) {
					t.Errorf("reply\n%#v\nwant\n%#v", reply, tc.resp)
				}
				checkWire(t, w.take(), tc.kinds, tc.term, tc.granted, tc.entries)
			})
		})
	}
}

// send makes the call that matches cmd's type and returns the reply.
func send(tr *transport, cmd any, data []byte) (any, error) {
	target := serverAddress(1)
	switch c := cmd.(type) {
	case *raft.AppendEntriesRequest:
		var r raft.AppendEntriesResponse
		return &r, tr.AppendEntries(serverID(1), target, c, &r)
	case *raft.RequestVoteRequest:
		var r raft.RequestVoteResponse
		return &r, tr.RequestVote(serverID(1), target, c, &r)
	case *raft.RequestPreVoteRequest:
		var r raft.RequestPreVoteResponse
		return &r, tr.RequestPreVote(serverID(1), target, c, &r)
	case *raft.TimeoutNowRequest:
		var r raft.TimeoutNowResponse
		return &r, tr.TimeoutNow(serverID(1), target, c, &r)
	case *raft.InstallSnapshotRequest:
		var r raft.InstallSnapshotResponse
		return &r, tr.InstallSnapshot(serverID(1), target, c, &r, bytes.NewReader(data))
	}
	panic("no such call")
}

func checkWire(t *testing.T, sent []impl.Message, kinds []impl.Kind, term uint64, granted bool, entries int) {
	t.Helper()
	if len(sent) != 2 {
		t.Fatalf("wire record %v, want a request and its reply", sent)
	}
	for i, m := range sent {
		if m.Kind != kinds[i] || m.Term != term {
			t.Errorf("wire record %v: want kind %v in term %d", m, kinds[i], term)
		}
	}
	if sent[1].Granted != granted {
		t.Errorf("wire record %v: want granted=%t", sent[1], granted)
	}
	if sent[0].Entries != entries {
		t.Errorf("wire record %v carries %d entries, want %d", sent[0], sent[0].Entries, entries)
	}
}

// The heartbeat loop reuses one response for every call: a field the
// last answer set must not survive into one that lacks it.
func TestReplyReplacesReusedResponse(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		client, server, closeNet := pair(t, &wire{})
		defer closeNet()
		resp := raft.AppendEntriesResponse{Success: true, NoRetryBackoff: true, LastLog: 9}
		serveOnce(server, &raft.AppendEntriesResponse{RPCHeader: header(1), Term: 3})
		if err := client.AppendEntries(serverID(1), serverAddress(1), &raft.AppendEntriesRequest{RPCHeader: header(0), Term: 3}, &resp); err != nil {
			t.Fatal(err)
		}
		if want := (raft.AppendEntriesResponse{RPCHeader: header(1), Term: 3}); !reflect.DeepEqual(resp, want) {
			t.Errorf("response %+v, want %+v", resp, want)
		}
	})
}

// A call whose answer does not come fails after the transport's timeout,
// not when ballot's network gives up on it (up to 7 s).
func TestCallTimesOut(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		client, _, closeNet := pair(t, &wire{}) // nobody serves node 1's Consumer
		defer closeNet()
		start := time.Now()
		var resp raft.RequestVoteResponse
		err := client.RequestVote(serverID(1), serverAddress(1), &raft.RequestVoteRequest{RPCHeader: header(0), Term: 2}, &resp)
		if err == nil {
			t.Fatal("a call nobody answered succeeded")
		}
		if took := time.Since(start); took != client.timeout {
			t.Errorf("the call failed after %v, want the timeout, %v", took, client.timeout)
		}
	})
}

// Once the transport is closed a waiting Serve returns, and refuses.
func TestServeEndsWhenTransportCloses(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st, err := openStore(impl.NewMemStorage())
		if err != nil {
			t.Fatal(err)
		}
		tr := newTransport(nil, 1, time.Second)
		h := &handler{trans: tr, store: st, log: hclog.NewNullLogger()}
		served := make(chan bool, 1)
		go func() {
			served <- h.Serve(methodRequestVote, &raft.RequestVoteRequest{RPCHeader: header(0), Term: 2}, &raft.RequestVoteResponse{})
		}()
		synctest.Wait()
		tr.Close()
		if <-served {
			t.Error("Serve answered a call that its closed node never took")
		}
	})
}

// A node whose storage was detached (it is stopping) may still answer on
// its main goroutine, but the answer must not leave: a vote it promises
// is no longer recorded anywhere.
func TestStoppedNodeAnswersNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		st, err := openStore(impl.NewMemStorage())
		if err != nil {
			t.Fatal(err)
		}
		tr := newTransport(nil, 1, time.Second)
		defer tr.Close()
		h := &handler{trans: tr, store: st, log: hclog.NewNullLogger()}
		st.detach()
		serveOnce(tr, &raft.RequestVoteResponse{RPCHeader: header(1), Term: 2, Granted: true})
		var reply raft.RequestVoteResponse
		if h.Serve(methodRequestVote, &raft.RequestVoteRequest{RPCHeader: header(0), Term: 2}, &reply) {
			t.Errorf("a stopped node answered %+v", reply)
		}
	})
}

package labrpc_test

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/labrpc"
)

type EchoArgs struct{ In int }
type EchoReply struct{ Out int }
type OtherArgs struct{ In int }

// fakeRaft is a Raft with handlers of every shape.
type fakeRaft struct {
	peers     []*labrpc.ClientEnd
	me        int
	persister *labrpc.Persister
	applyCh   chan labrpc.ApplyMsg
	term      int
	kills     atomic.Int32
}

func (rf *fakeRaft) GetState() (int, bool) { return rf.term, rf.term == 42 }
func (rf *fakeRaft) Kill()                 { rf.kills.Add(1) }

func (rf *fakeRaft) Echo(args *EchoArgs, reply *EchoReply)      { reply.Out = args.In + 1 }
func (rf *fakeRaft) ByValue(args EchoArgs, reply *EchoReply)    { reply.Out = args.In + 2 }
func (rf *fakeRaft) ValueReply(args *EchoArgs, reply EchoReply) {}
func (rf *fakeRaft) Results(args *EchoArgs, reply *EchoReply) bool {
	return true
}
func (rf *fakeRaft) WhoAmI(args *EchoArgs, reply *EchoReply) { reply.Out = rf.me }
func (rf *fakeRaft) Panics(args *EchoArgs, reply *EchoReply) { panic("handler bug") }
func (rf *fakeRaft) Mutates(args *EchoArgs, reply *EchoReply) {
	args.In = -1
	reply.Out = 1
}

// nullTransport fails every call and counts them.
type nullTransport struct{ calls atomic.Int32 }

func (nt *nullTransport) Call(int, string, any, any) bool {
	nt.calls.Add(1)
	return false
}

// hardStateOnly is a Storage without Blobs.
type hardStateOnly struct{ hs impl.HardState }

func (s *hardStateOnly) HardState() impl.HardState      { return s.hs }
func (s *hardStateOnly) SetHardState(hs impl.HardState) { s.hs = hs }

func makeFake(peers []*labrpc.ClientEnd, me int, ps *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *fakeRaft {
	return &fakeRaft{peers: peers, me: me, persister: ps, applyCh: applyCh, term: 42}
}

type built struct {
	rf      *fakeRaft
	node    impl.Node
	handler impl.Handler
	logs    *syncBuffer
}

// syncBuffer is a bytes.Buffer safe for concurrent use, for log output.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func buildFake(t *testing.T, env impl.Env) built {
	t.Helper()
	var rf *fakeRaft
	logs := &syncBuffer{}
	if env.Logger == nil {
		env.Logger = hclog.New(&hclog.LoggerOptions{Output: logs, Level: hclog.Trace})
	}
	if env.Transport == nil {
		env.Transport = &nullTransport{}
	}
	if env.Storage == nil {
		env.Storage = impl.NewMemStorage()
	}
	if env.Peers == nil {
		env.Peers = []int{0, 1, 2}
	}
	factory := labrpc.Node(func(peers []*labrpc.ClientEnd, me int, ps *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *fakeRaft {
		rf = makeFake(peers, me, ps, applyCh)
		return rf
	})
	n, h, err := factory(env)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(n.Stop)
	return built{rf: rf, node: n, handler: h, logs: logs}
}

func TestServeDispatchesByMethodName(t *testing.T) {
	b := buildFake(t, impl.Env{ID: 1})
	cases := []struct {
		method string
		args   any
		want   int
	}{
		{"Raft.Echo", &EchoArgs{In: 7}, 8},
		{"Raft.Echo", EchoArgs{In: 7}, 8}, // a value serves a pointer parameter
		{"KVServer.Echo", &EchoArgs{In: 1}, 2},
		{"Echo", &EchoArgs{In: 3}, 4},
		{"Raft.ByValue", EchoArgs{In: 7}, 9},
		{"Raft.ByValue", &EchoArgs{In: 7}, 9}, // a pointer serves a value parameter
	}
	for _, c := range cases {
		var reply EchoReply
		if !b.handler.Serve(c.method, c.args, &reply) {
			t.Errorf("Serve(%q, %T) = false; logs:\n%s", c.method, c.args, b.logs)
			continue
		}
		if reply.Out != c.want {
			t.Errorf("Serve(%q, %T) replied %d; want %d", c.method, c.args, reply.Out, c.want)
		}
	}
	if b.logs.String() != "" {
		t.Errorf("good calls logged:\n%s", b.logs)
	}
}

func TestServePassesValueArgsAsCopy(t *testing.T) {
	b := buildFake(t, impl.Env{ID: 0})
	args := EchoArgs{In: 5}
	var reply EchoReply
	if !b.handler.Serve("Raft.Mutates", args, &reply) || reply.Out != 1 {
		t.Fatalf("Serve(Mutates) failed or replied %+v", reply)
	}
	if args.In != 5 {
		t.Fatal("the handler's write reached the caller's value")
	}
	p := &EchoArgs{In: 5}
	if !b.handler.Serve("Raft.Mutates", p, &reply) || p.In != -1 {
		t.Fatal("a *T args was not passed through as is")
	}
}

func TestServeRefusesBadCalls(t *testing.T) {
	cases := []struct {
		name, method string
		args, reply  any
		log          string
	}{
		{"unknown method", "Raft.Nope", &EchoArgs{}, &EchoReply{}, `unknown method "Raft.Nope"`},
		{"unexported method", "Raft.echo", &EchoArgs{}, &EchoReply{}, "unknown method"},
		{"value reply parameter", "Raft.ValueReply", &EchoArgs{}, &EchoReply{}, "reply, must be a pointer"},
		{"results", "Raft.Results", &EchoArgs{}, &EchoReply{}, "returns nothing"},
		{"Raft interface method", "Raft.Kill", &EchoArgs{}, &EchoReply{}, "two pointer arguments"},
		{"wrong args type", "Raft.Echo", &OtherArgs{}, &EchoReply{}, "args is *labrpc_test.OtherArgs; the handler takes *labrpc_test.EchoArgs"},
		{"nil args", "Raft.Echo", nil, &EchoReply{}, "args is nil"},
		{"nil pointer args", "Raft.Echo", (*EchoArgs)(nil), &EchoReply{}, "nil *labrpc_test.EchoArgs"},
		{"nil pointer args to value", "Raft.ByValue", (*EchoArgs)(nil), &EchoReply{}, "nil *labrpc_test.EchoArgs"},
		{"wrong reply type", "Raft.Echo", &EchoArgs{}, &OtherArgs{}, "reply is *labrpc_test.OtherArgs"},
		{"value reply", "Raft.Echo", &EchoArgs{}, EchoReply{}, "reply is labrpc_test.EchoReply"},
		{"nil reply", "Raft.Echo", &EchoArgs{}, nil, "reply is <nil>"},
		{"nil pointer reply", "Raft.Echo", &EchoArgs{}, (*EchoReply)(nil), "takes a non-nil *labrpc_test.EchoReply"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := buildFake(t, impl.Env{ID: 0})
			if b.handler.Serve(c.method, c.args, c.reply) {
				t.Fatal("Serve = true; want false")
			}
			logs := b.logs.String()
			if !strings.Contains(logs, "[ERROR]") || !strings.Contains(logs, c.log) {
				t.Fatalf("logs do not hold an error with %q:\n%s", c.log, logs)
			}
		})
	}
}

func TestServeLetsHandlerPanicsThrough(t *testing.T) {
	b := buildFake(t, impl.Env{ID: 0})
	defer func() {
		if r := recover(); r != "handler bug" {
			t.Fatalf("recovered %v; want the handler's panic", r)
		}
	}()
	b.handler.Serve("Raft.Panics", &EchoArgs{}, &EchoReply{})
	t.Fatal("Serve returned after the handler panicked")
}

func TestNodeBuildsPeersAndState(t *testing.T) {
	tr := &nullTransport{}
	b := buildFake(t, impl.Env{ID: 2, Peers: []int{3, 1, 0, 2}, Transport: tr})
	if b.rf.me != 2 || len(b.rf.peers) != 4 {
		t.Fatalf("make got me %d and %d peers; want 2 and 4", b.rf.me, len(b.rf.peers))
	}
	for i, p := range b.rf.peers {
		if p == nil || p.Call("Raft.Echo", &EchoArgs{}, &EchoReply{}) {
			t.Fatalf("peer %d: %v", i, p)
		}
	}
	if tr.calls.Load() != 4 {
		t.Fatalf("transport saw %d calls; want 4", tr.calls.Load())
	}
	if term, isLeader := b.node.State(); term != 42 || !isLeader {
		t.Fatalf("State = %d, %t; want 42, true", term, isLeader)
	}
	b.rf.term = -3
	if term, _ := b.node.State(); term != 0 {
		t.Fatalf("State term = %d for GetState -3; want 0", term)
	}
}

func TestClientEndRoutesToItsPeer(t *testing.T) {
	tn := newTestNet(t, 3, labrpc.Node(makeFake), 0)
	tn.startAll()
	defer tn.stopAll()
	for peer, end := range endsOf(t, tn, 0) {
		var reply EchoReply
		if !end.Call("Raft.WhoAmI", &EchoArgs{}, &reply) || reply.Out != peer {
			t.Fatalf("peers[%d].Call reached node %d", peer, reply.Out)
		}
	}
}

// endsOf returns the ClientEnds node i's make received.
func endsOf(t *testing.T, tn *testNet, i int) []*labrpc.ClientEnd {
	t.Helper()
	var ends []*labrpc.ClientEnd
	factory := labrpc.Node(func(peers []*labrpc.ClientEnd, me int, ps *labrpc.Persister, ch chan labrpc.ApplyMsg) *fakeRaft {
		ends = peers
		return makeFake(peers, me, ps, ch)
	})
	n, _, err := factory(impl.Env{ID: i, Peers: tn.peers(), Transport: endpoint{tn, i}, Storage: impl.NewMemStorage()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(n.Stop)
	return ends
}

func TestNodeRejectsBadEnv(t *testing.T) {
	factory := labrpc.Node(makeFake)
	cases := []struct {
		name string
		env  impl.Env
		want string
	}{
		{"gap in peers", impl.Env{ID: 0, Peers: []int{0, 2}, Transport: &nullTransport{}, Storage: impl.NewMemStorage()}, "must be 0..n-1"},
		{"duplicate peer", impl.Env{ID: 0, Peers: []int{0, 0}, Transport: &nullTransport{}, Storage: impl.NewMemStorage()}, "must be 0..n-1"},
		{"id not a peer", impl.Env{ID: 5, Peers: []int{0, 1}, Transport: &nullTransport{}, Storage: impl.NewMemStorage()}, "not among"},
		{"no transport", impl.Env{ID: 0, Peers: []int{0}, Storage: impl.NewMemStorage()}, "no Transport"},
		{"no storage", impl.Env{ID: 0, Peers: []int{0}, Transport: &nullTransport{}}, "no Storage"},
		{"storage without blobs", impl.Env{ID: 0, Peers: []int{0}, Transport: &nullTransport{}, Storage: &hardStateOnly{}}, "does not implement impl.Blobs"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, h, err := factory(c.env)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v; want one with %q", err, c.want)
			}
			if n != nil || h != nil {
				t.Fatal("returned a node or handler with an error")
			}
		})
	}
}

func TestNodeRejectsNilRaft(t *testing.T) {
	factory := labrpc.Node(func([]*labrpc.ClientEnd, int, *labrpc.Persister, chan labrpc.ApplyMsg) *fakeRaft { return nil })
	_, _, err := factory(impl.Env{ID: 0, Peers: []int{0}, Transport: &nullTransport{}, Storage: impl.NewMemStorage()})
	if err == nil || !strings.Contains(err.Error(), "returned nil") {
		t.Fatalf("err = %v; want make returned nil", err)
	}
}

func TestStopKillsOnceAndFailsCalls(t *testing.T) {
	tr := &nullTransport{}
	b := buildFake(t, impl.Env{ID: 0, Transport: tr})
	b.node.Stop()
	b.node.Stop()
	if k := b.rf.kills.Load(); k != 1 {
		t.Fatalf("Kill called %d times; want 1", k)
	}
	if b.rf.peers[1].Call("Raft.Echo", &EchoArgs{}, &EchoReply{}) {
		t.Fatal("a call after Stop succeeded")
	}
	if c := tr.calls.Load(); c != 0 {
		t.Fatalf("the transport saw %d calls after Stop; want none", c)
	}
	var zero labrpc.ClientEnd
	if zero.Call("Raft.Echo", &EchoArgs{}, &EchoReply{}) {
		t.Fatal("a zero ClientEnd call succeeded")
	}
}

func TestApplyChIsDrainedUntilStop(t *testing.T) {
	base := runtime.NumGoroutine()
	b := buildFake(t, impl.Env{ID: 0})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 1000 { // far more than the buffer
			b.rf.applyCh <- labrpc.ApplyMsg{CommandValid: true, Command: i, CommandIndex: i + 1}
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("applyCh is not drained")
	}
	b.node.Stop()
	waitGoroutines(t, base)
}

// waitGoroutines waits up to 2 s for the goroutine count to drop to base.
func waitGoroutines(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > base {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			buf = buf[:runtime.Stack(buf, true)]
			t.Fatalf("%d goroutines remain, %d before:\n%s", runtime.NumGoroutine(), base, buf)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestPersisterRoundTrip(t *testing.T) {
	s := impl.NewMemStorage()
	ps, err := labrpc.NewPersister(s)
	if err != nil {
		t.Fatal(err)
	}
	if ps.ReadRaftState() != nil || ps.ReadSnapshot() != nil || ps.RaftStateSize() != 0 || ps.SnapshotSize() != 0 {
		t.Fatal("a new persister is not empty")
	}
	state, snap := []byte("state"), []byte("snapshot!")
	ps.Save(state, snap)
	state[0], snap[0] = 'X', 'X'
	if got := ps.ReadRaftState(); string(got) != "state" {
		t.Fatalf("ReadRaftState = %q", got)
	}
	got := ps.ReadSnapshot()
	if string(got) != "snapshot!" || ps.RaftStateSize() != 5 || ps.SnapshotSize() != 9 {
		t.Fatalf("ReadSnapshot = %q, sizes %d %d", got, ps.RaftStateSize(), ps.SnapshotSize())
	}
	got[0] = 'Y'
	if string(ps.ReadSnapshot()) != "snapshot!" {
		t.Fatal("a write to a returned snapshot changed the stored one")
	}
	if string(s.Blob(labrpc.RaftStateBlob)) != "state" || string(s.Blob(labrpc.SnapshotBlob)) != "snapshot!" {
		t.Fatalf("storage blobs %q %q", s.Blob("raftstate"), s.Blob("snapshot"))
	}

	again, err := labrpc.NewPersister(s)
	if err != nil {
		t.Fatal(err)
	}
	if string(again.ReadRaftState()) != "state" || string(again.ReadSnapshot()) != "snapshot!" {
		t.Fatal("a persister on the same storage does not see the saved state")
	}
	again.Save([]byte("next"), nil) // as in 6.5840, erases the snapshot
	if again.ReadSnapshot() != nil || s.Blob(labrpc.SnapshotBlob) != nil || string(s.Blob(labrpc.RaftStateBlob)) != "next" {
		t.Fatal("Save(state, nil) did not erase the snapshot")
	}
}

func TestPersisterAcrossRestart(t *testing.T) {
	s := impl.NewMemStorage()
	first := buildFake(t, impl.Env{ID: 0, Storage: s})
	first.rf.persister.Save([]byte("term=3"), []byte("snap"))
	first.node.Stop()
	first.rf.persister.Save([]byte("term=99 from a zombie"), nil) // dropped

	second := buildFake(t, impl.Env{ID: 0, Storage: s})
	if got := second.rf.persister.ReadRaftState(); string(got) != "term=3" {
		t.Fatalf("restarted node reads %q; want term=3", got)
	}
	if got := second.rf.persister.ReadSnapshot(); string(got) != "snap" {
		t.Fatalf("restarted node reads snapshot %q", got)
	}
	if second.rf.persister == first.rf.persister {
		t.Fatal("the incarnations share a Persister")
	}
}

func TestPersisterConcurrentUse(t *testing.T) {
	ps, err := labrpc.NewPersister(impl.NewMemStorage())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 200 {
				ps.Save(fmt.Appendf(nil, "%d-%d", w, i), fmt.Appendf(nil, "%d-%d", w, i))
				if ps.RaftStateSize() == 0 || len(ps.ReadRaftState()) == 0 || ps.SnapshotSize() == 0 || len(ps.ReadSnapshot()) == 0 {
					t.Error("read an empty state after a save")
					return
				}
			}
		})
	}
	wg.Wait()
	if !bytes.Equal(ps.ReadRaftState(), ps.ReadSnapshot()) {
		t.Fatal("state and snapshot come from different saves")
	}
}

// Make may return the interface, as a 2025 Make returning raftapi.Raft does
// once ported; handlers are found on the dynamic value.
func TestNodeAcceptsMakeReturningInterface(t *testing.T) {
	factory := labrpc.Node(func(peers []*labrpc.ClientEnd, me int, ps *labrpc.Persister, ch chan labrpc.ApplyMsg) labrpc.Raft {
		return makeFake(peers, me, ps, ch)
	})
	n, h, err := factory(impl.Env{ID: 0, Peers: []int{0}, Transport: &nullTransport{}, Storage: impl.NewMemStorage()})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Stop()
	var reply EchoReply
	if !h.Serve("Raft.Echo", &EchoArgs{In: 1}, &reply) || reply.Out != 2 {
		t.Fatalf("Serve through an interface result: %+v", reply)
	}
}

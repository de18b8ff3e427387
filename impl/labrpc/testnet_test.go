package labrpc_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/labrpc"
)

// testNet is a small stand-in for the framework's goroutine runner: it
// routes each Call to the receiving node's Handler with the contract's copy
// semantics (args deep-copied, a fresh reply copied back), fails calls from
// or to a stopped node, and logs when each heartbeat was sent on each link.
type testNet struct {
	t       *testing.T
	factory impl.NodeFactory
	delay   time.Duration

	mu         sync.Mutex
	storage    []*impl.MemStorage
	nodes      []impl.Node
	handlers   []impl.Handler
	up         []bool
	heartbeats map[[2]int][]time.Time
}

func newTestNet(t *testing.T, n int, factory impl.NodeFactory, delay time.Duration) *testNet {
	tn := &testNet{
		t: t, factory: factory, delay: delay,
		storage: make([]*impl.MemStorage, n), nodes: make([]impl.Node, n),
		handlers: make([]impl.Handler, n), up: make([]bool, n),
		heartbeats: map[[2]int][]time.Time{},
	}
	for i := range n {
		tn.storage[i] = impl.NewMemStorage()
	}
	return tn
}

func (tn *testNet) peers() []int {
	ps := make([]int, len(tn.nodes))
	for i := range ps {
		ps[i] = i
	}
	return ps
}

// start builds node i (again, after a crash) on its storage.
func (tn *testNet) start(i int) {
	tn.t.Helper()
	n, h, err := tn.factory(impl.Env{
		ID: i, Peers: tn.peers(), Transport: endpoint{tn, i}, Storage: tn.storage[i],
		Logger: hclog.NewNullLogger(), Observer: nopObserver{},
	})
	if err != nil {
		tn.t.Fatalf("starting node %d: %v", i, err)
	}
	tn.mu.Lock()
	tn.nodes[i], tn.handlers[i], tn.up[i] = n, h, true
	tn.mu.Unlock()
}

func (tn *testNet) startAll() {
	for i := range tn.nodes {
		tn.start(i)
	}
}

func (tn *testNet) stop(i int) {
	tn.mu.Lock()
	n, wasUp := tn.nodes[i], tn.up[i]
	tn.up[i] = false
	tn.mu.Unlock()
	if wasUp {
		n.Stop()
	}
}

func (tn *testNet) stopAll() {
	for i := range tn.nodes {
		tn.stop(i)
	}
}

func (tn *testNet) isUp(i int) bool {
	tn.mu.Lock()
	defer tn.mu.Unlock()
	return tn.up[i]
}

// leaders returns the live nodes that believe they lead, and the highest
// term of a live node.
// upNodes are the nodes that run, by id.
func (tn *testNet) upNodes() map[int]impl.Node {
	tn.mu.Lock()
	defer tn.mu.Unlock()
	up := map[int]impl.Node{}
	for i, n := range tn.nodes {
		if tn.up[i] {
			up[i] = n
		}
	}
	return up
}

func (tn *testNet) leaders() (leaders []int, leaderTerm, maxTerm uint64) {
	for i := range tn.nodes {
		tn.mu.Lock()
		n, up := tn.nodes[i], tn.up[i]
		tn.mu.Unlock()
		if !up {
			continue
		}
		term, isLeader := n.State()
		if isLeader {
			leaders = append(leaders, i)
			leaderTerm = term
		}
		maxTerm = max(maxTerm, term)
	}
	return leaders, leaderTerm, maxTerm
}

// maxHeartbeatsPerSecond is the largest number of heartbeats sent on one
// link within any 1 s window.
func (tn *testNet) maxHeartbeatsPerSecond() (int, [2]int) {
	tn.mu.Lock()
	defer tn.mu.Unlock()
	most, where := 0, [2]int{}
	for link, times := range tn.heartbeats {
		lo := 0
		for hi := range times {
			for times[hi].Sub(times[lo]) >= time.Second {
				lo++
			}
			if hi-lo+1 > most {
				most, where = hi-lo+1, link
			}
		}
	}
	return most, where
}

type nopObserver struct{}

func (nopObserver) Observe(impl.Status) {}

// endpoint is node from's Transport.
type endpoint struct {
	net  *testNet
	from int
}

func (e endpoint) Call(peer int, method string, args, reply any) bool {
	tn := e.net
	tn.mu.Lock()
	if peer < 0 || peer >= len(tn.nodes) || !tn.up[e.from] || !tn.up[peer] {
		tn.mu.Unlock()
		return false
	}
	h := tn.handlers[peer]
	if method == "Raft.AppendEntries" {
		link := [2]int{e.from, peer}
		tn.heartbeats[link] = append(tn.heartbeats[link], time.Now())
	}
	tn.mu.Unlock()

	in, err := deepCopy(args)
	if err != nil {
		tn.t.Errorf("copying args of %s: %v", method, err)
		return false
	}
	rt := reflect.TypeOf(reply)
	if rt == nil || rt.Kind() != reflect.Pointer {
		tn.t.Errorf("%s: reply %T is not a pointer", method, reply)
		return false
	}
	fresh := reflect.New(rt.Elem())
	if tn.delay > 0 {
		time.Sleep(tn.delay)
	}
	if !tn.isUp(peer) || !h.Serve(method, in, fresh.Interface()) {
		return false
	}
	if tn.delay > 0 {
		time.Sleep(tn.delay)
	}
	if !tn.isUp(e.from) {
		return false
	}
	out, err := deepCopy(fresh.Interface())
	if err != nil {
		tn.t.Errorf("copying reply of %s: %v", method, err)
		return false
	}
	reflect.ValueOf(reply).Elem().Set(reflect.ValueOf(out).Elem())
	return true
}

// deepCopy copies v through gob, keeping its type: a *T gives a new *T.
func deepCopy(v any) (any, error) {
	if v == nil {
		return nil, fmt.Errorf("nil value")
	}
	t := reflect.TypeOf(v)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	if t.Kind() == reflect.Pointer {
		p := reflect.New(t.Elem())
		if err := gob.NewDecoder(&buf).DecodeValue(p); err != nil {
			return nil, err
		}
		return p.Interface(), nil
	}
	p := reflect.New(t)
	if err := gob.NewDecoder(&buf).DecodeValue(p); err != nil {
		return nil, err
	}
	return p.Elem().Interface(), nil
}

var _ impl.Transport = endpoint{}
var _ labrpc.Raft = (*fakeRaft)(nil)

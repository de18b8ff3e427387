package driver_test

import (
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/driver"
	"github.com/ballot-go/ballot/impl/raft"
	"github.com/hashicorp/go-hclog"
)

// loopback delivers calls straight to the handlers of a small in-test
// cluster, with no faults: enough to see the driver feed its machine.
type loopback struct {
	mu       sync.Mutex
	handlers map[int]impl.Handler
}

func (l *loopback) Call(peer int, method string, args, reply any) bool {
	l.mu.Lock()
	h := l.handlers[peer]
	l.mu.Unlock()
	return h != nil && h.Serve(method, args, reply)
}

type statuses struct {
	mu   sync.Mutex
	last map[int]impl.Status
}

func (s *statuses) observer(id int) impl.Observer {
	return observerFunc(func(st impl.Status) { s.set(id, st) })
}

func (s *statuses) set(id int, st impl.Status) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.last[id] = st
}

type observerFunc func(impl.Status)

func (f observerFunc) Observe(s impl.Status) { f(s) }

func startCluster(t *testing.T, n int) ([]impl.Node, *statuses) {
	f, err := raft.DefaultConfig().Factory()
	if err != nil {
		t.Fatal(err)
	}
	factory := driver.Node(f, 10*time.Millisecond)
	net := &loopback{handlers: map[int]impl.Handler{}}
	seen := &statuses{last: map[int]impl.Status{}}
	peers := []int{0, 1, 2}[:n]
	var nodes []impl.Node
	for id := range n {
		node, h, err := factory(impl.Env{ID: id, Peers: peers, Transport: net, Storage: impl.NewMemStorage(),
			Logger: hclog.NewNullLogger(), Observer: seen.observer(id), Rand: rand.New(rand.NewPCG(1, uint64(id)))})
		if err != nil {
			t.Fatal(err)
		}
		net.mu.Lock()
		net.handlers[id] = h
		net.mu.Unlock()
		nodes = append(nodes, node)
	}
	return nodes, seen
}

func TestDriverElectsAndReportsThroughStateAndObserver(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		nodes, seen := startCluster(t, 3)
		time.Sleep(5 * time.Second)
		leaders := 0
		for id, n := range nodes {
			term, leader := n.State()
			if leader {
				leaders++
			}
			seen.mu.Lock()
			st := seen.last[id]
			seen.mu.Unlock()
			if st.Term != term || (st.Role == impl.Leader) != leader {
				t.Errorf("node %d: State() = (%d, %t) but it last reported %v", id, term, leader, st)
			}
		}
		if leaders != 1 {
			t.Fatalf("%d leaders after 5s; want 1", leaders)
		}
		for _, n := range nodes {
			n.Stop()
		}
		// Stop waits for the loop and every send: nothing of the driver is
		// left, or the bubble would panic when this function returns.
	})
}

func TestServeRejectsForeignCalls(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		nodes, _ := startCluster(t, 1)
		h := nodes[0].(impl.Handler)
		if h.Serve("Raft.RequestVote", impl.Message{}, &driver.Ack{}) {
			t.Error("Serve accepted a method that is not Machine.Step")
		}
		if h.Serve(driver.Method, "not a message", &driver.Ack{}) {
			t.Error("Serve accepted args that are not an impl.Message")
		}
		nodes[0].Stop()
		if h.Serve(driver.Method, impl.Message{}, &driver.Ack{}) {
			t.Error("a stopped node accepted a message")
		}
	})
}

func TestBadTickIsAnError(t *testing.T) {
	f, _ := raft.DefaultConfig().Factory()
	_, _, err := driver.Node(f, 0)(impl.Env{ID: 0, Peers: []int{0}, Storage: impl.NewMemStorage(), Rand: rand.New(rand.NewPCG(1, 0))})
	if err == nil || !strings.Contains(err.Error(), "tick is 0s") {
		t.Fatalf("error = %v; want one about the tick", err)
	}
}

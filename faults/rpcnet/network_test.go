package rpcnet_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/rpcnet"
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/driver"
	"github.com/ballot-go/ballot/impl/raft"
)

// recorder keeps what the network reports.
type recorder struct {
	mu       sync.Mutex
	statuses []impl.Status
	messages map[faults.MessageEvent]int
	sent     []impl.Message
	leaks    []string
	stuck    []string
	// topologies are "node N why live [...]", in the order pushed.
	topologies []string
}

func (r *recorder) Status(_ time.Duration, s impl.Status) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.statuses = append(r.statuses, s)
}

func (r *recorder) Message(_ time.Duration, ev faults.MessageEvent, m impl.Message, _ string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.messages == nil {
		r.messages = map[faults.MessageEvent]int{}
	}
	r.messages[ev]++
	if ev == faults.Sent {
		r.sent = append(r.sent, m)
	}
}

func (r *recorder) Topology(_ time.Duration, t faults.Topology, node int, why string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.topologies = append(r.topologies, fmt.Sprintf("node %d %s live %v", node, why, t.Live))
}

func (r *recorder) Incident(in faults.Incident) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch in.Kind {
	case faults.IncidentLeak:
		r.leaks = append(r.leaks, in.Detail)
	case faults.IncidentStuck:
		r.stuck = append(r.stuck, fmt.Sprintf("node %d: %s", in.Node, in.Detail))
	}
}

func reference(t *testing.T) impl.NodeFactory {
	f, err := raft.DefaultConfig().Factory()
	if err != nil {
		t.Fatal(err)
	}
	return driver.Node(f, 10*time.Millisecond)
}

func waitLeader(n *rpcnet.Network) (int, bool) {
	var leader int
	ok := n.RunUntil(5*time.Second, func() bool {
		var found bool
		leader, found = n.Leader()
		return found
	})
	return leader, ok
}

func TestReferenceAsNodesElectsAndReElects(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := &recorder{}
		n, err := rpcnet.New(rpcnet.Config{Nodes: 3, Seed: 1, Factory: reference(t), Tracer: rec})
		if err != nil {
			t.Fatal(err)
		}
		leader, ok := waitLeader(n)
		if !ok {
			t.Fatal("no leader within 5s")
		}
		if err := n.Crash(leader); err != nil {
			t.Fatal(err)
		}
		leader2, ok := waitLeader(n)
		if !ok || leader2 == leader {
			t.Fatalf("after crashing %d: leader %d, %v", leader, leader2, ok)
		}
		if err := n.Restart(leader); err != nil {
			t.Fatal(err)
		}
		n.RunFor(2 * time.Second)
		n.Close()
		if len(rec.leaks) > 0 || len(rec.stuck) > 0 {
			t.Fatalf("leaks %v, stuck %v", rec.leaks, rec.stuck)
		}
		if rec.messages[faults.Delivered] == 0 {
			t.Fatal("no message was delivered")
		}
	})
}

// leaky is a node that starts a goroutine Stop never ends.
type leaky struct{ stop chan struct{} }

func (l *leaky) State() (uint64, bool) { return 0, false }
func (l *leaky) Stop()                 { close(l.stop) }
func (l *leaky) Serve(string, any, any) bool {
	return true
}

func TestGoroutineLeftAfterStopIsALeakOfThatNode(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		forever := make(chan struct{})
		defer close(forever)
		factory := func(env impl.Env) (impl.Node, impl.Handler, error) {
			l := &leaky{stop: make(chan struct{})}
			if env.ID == 1 {
				go func() { <-forever }() // ignores stop: a leak
			}
			return l, l, nil
		}
		rec := &recorder{}
		n, err := rpcnet.New(rpcnet.Config{Nodes: 3, Seed: 1, Factory: factory, Tracer: rec})
		if err != nil {
			t.Fatal(err)
		}
		n.RunFor(time.Second)
		n.Close()
		if len(rec.leaks) != 1 || !strings.Contains(rec.leaks[0], "of node 1") ||
			!strings.Contains(rec.leaks[0], "TestGoroutineLeftAfterStopIsALeakOfThatNode") {
			t.Fatalf("leaks = %q; want one, of node 1, with its stack", rec.leaks)
		}
	})
}

// blocker's State blocks on a channel once asked to: a durable block, so
// virtual time goes on and the poller's deadline passes.
type blocker struct {
	leaky
	block chan struct{}
}

func (b *blocker) State() (uint64, bool) {
	<-b.block
	return 0, false
}

func TestStateThatBlocksIsStuck(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		release := make(chan struct{})
		factory := func(env impl.Env) (impl.Node, impl.Handler, error) {
			b := &blocker{leaky: leaky{stop: make(chan struct{})}, block: make(chan struct{})}
			if env.ID != 2 {
				close(b.block)
			} else {
				b.block = release
			}
			return b, b, nil
		}
		rec := &recorder{}
		n, err := rpcnet.New(rpcnet.Config{Nodes: 3, Seed: 1, Factory: factory, Tracer: rec})
		if err != nil {
			t.Fatal(err)
		}
		n.RunFor(3 * time.Second)
		close(release)
		n.Close()
		if len(rec.stuck) != 1 || !strings.Contains(rec.stuck[0], "node 2: State() has not returned for 1s") ||
			!strings.Contains(rec.stuck[0], "blocker).State") {
			t.Fatalf("stuck = %q; want node 2's State, with its stack", rec.stuck)
		}
	})
}

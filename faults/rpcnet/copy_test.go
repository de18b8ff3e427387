package rpcnet_test

import (
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/faults/rpcnet"
	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

type Args struct {
	Term   int
	Peers  []int
	secret int
}

type Reply struct {
	Seen []int
}

// echo is a node whose handler scribbles on what it is given.
type echo struct {
	leaky
	got chan Args
}

func (e *echo) Serve(method string, args, reply any) bool {
	a := args.(*Args)
	e.got <- *a
	a.Peers[0] = 99 // must not reach the caller's slice
	reply.(*Reply).Seen = a.Peers
	return true
}

func TestCallsCopyArgumentsAndReplies(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var log strings.Builder
		var mu sync.Mutex
		logger := hclog.New(&hclog.LoggerOptions{Output: lockedWriter{&mu, &log}})
		var transports []impl.Transport
		got := make(chan Args, 1)
		factory := func(env impl.Env) (impl.Node, impl.Handler, error) {
			transports = append(transports, env.Transport)
			e := &echo{leaky: leaky{stop: make(chan struct{})}, got: got}
			return e, e, nil
		}
		n, err := rpcnet.New(rpcnet.Config{Nodes: 2, Seed: 1, Factory: factory, Logger: logger})
		if err != nil {
			t.Fatal(err)
		}
		defer n.Close()
		args := &Args{Term: 3, Peers: []int{1, 2}, secret: 7}
		var reply Reply
		if !transports[0].Call(1, "Raft.Echo", args, &reply) {
			t.Fatal("the call failed on a healthy network")
		}
		served := <-got
		if served.secret != 0 {
			t.Errorf("an unexported field crossed the network: %d", served.secret)
		}
		if args.Peers[0] != 1 {
			t.Errorf("the handler's write reached the caller's args: %v", args.Peers)
		}
		if reply.Seen[0] != 99 {
			t.Errorf("reply = %v; want the handler's answer", reply.Seen)
		}
		mu.Lock()
		defer mu.Unlock()
		if !strings.Contains(log.String(), "lower-case field secret of rpcnet_test.Args") {
			t.Errorf("no warning about the lost field; log:\n%s", log.String())
		}
	})
}

func TestCallToACrashedPeerFailsAfterATimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var transports []impl.Transport
		factory := func(env impl.Env) (impl.Node, impl.Handler, error) {
			transports = append(transports, env.Transport)
			e := &echo{leaky: leaky{stop: make(chan struct{})}, got: make(chan Args, 10)}
			return e, e, nil
		}
		n, err := rpcnet.New(rpcnet.Config{Nodes: 2, Seed: 3, Factory: factory, DeadPeerTimeout: 2 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer n.Close()
		if err := n.Crash(1); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if transports[0].Call(1, "Raft.Echo", &Args{Peers: []int{1}}, &Reply{}) {
			t.Fatal("a call to a crashed peer succeeded")
		}
		if waited := time.Since(start); waited <= 0 || waited > 2*time.Second {
			t.Fatalf("the call failed after %v; want a wait in (0, 2s]", waited)
		}
	})
}

type lockedWriter struct {
	mu *sync.Mutex
	b  *strings.Builder
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

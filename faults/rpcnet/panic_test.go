package rpcnet_test

import (
	"slices"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/ballot-go/ballot/faults/rpcnet"
	"github.com/ballot-go/ballot/impl"
)

// fragile's handler panics: the call fails, the node counts as crashed, and
// the panic is kept for the run's verdict, never crashing the test binary.
type fragile struct{ leaky }

func (f *fragile) Serve(method string, args, reply any) bool { panic("nil map in " + method) }

func TestHandlerPanicCrashesThatNodeOnly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var transports []impl.Transport
		factory := func(env impl.Env) (impl.Node, impl.Handler, error) {
			transports = append(transports, env.Transport)
			f := &fragile{leaky{stop: make(chan struct{})}}
			return f, f, nil
		}
		rec := &recorder{}
		n, err := rpcnet.New(rpcnet.Config{Nodes: 2, Seed: 1, Factory: factory, Tracer: rec})
		if err != nil {
			t.Fatal(err)
		}
		defer n.Close()
		if transports[0].Call(1, "Raft.RequestVote", &Args{}, &Reply{}) {
			t.Fatal("a call whose handler panicked succeeded")
		}
		panics := n.Panics()
		if len(panics) != 1 || panics[0].Node != 1 || !strings.Contains(panics[0].Value, "nil map in Raft.RequestVote") ||
			!strings.Contains(panics[0].Stack, "fragile).Serve") {
			t.Fatalf("panics = %v; want node 1's, with its stack", panics)
		}
		if n.Live(1) || !n.Live(0) {
			t.Fatalf("live = %t, %t; want node 0 up and node 1 down", n.Live(0), n.Live(1))
		}
		// The tracer hears of it unasked: the crash is in the history
		// whoever reads it, not only in what the network answers. The
		// call fails as soon as the node is down, which is before the
		// handler's goroutine has pushed the topology: let it finish.
		synctest.Wait()
		rec.mu.Lock()
		defer rec.mu.Unlock()
		want := []string{"node -1 start live [true true]", "node 1 panicked live [true false]"}
		if !slices.Equal(rec.topologies, want) {
			t.Fatalf("topologies pushed: %q; want %q", rec.topologies, want)
		}
	})
}

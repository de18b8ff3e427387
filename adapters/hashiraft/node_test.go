package hashiraft

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"runtime/pprof"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"

	"github.com/ballot-go/ballot/impl"
)

// nowhere is a network on which every call fails at once.
type nowhere struct{}

func (nowhere) Call(int, string, any, any) bool { return false }

type quiet struct{}

func (quiet) Observe(impl.Status) {}

// testLabel marks the goroutines of the nodes a test starts.
const testLabel = "hashiraft-test"

// startAlone starts node 0 of a one-node cluster on s, under the pprof
// label testLabel=run, so that every goroutine it starts carries it.
func startAlone(t *testing.T, s impl.Storage, run string) (*node, impl.Handler) {
	t.Helper()
	factory, err := DefaultConfig().Factory()
	if err != nil {
		t.Fatal(err)
	}
	var (
		n impl.Node
		h impl.Handler
	)
	pprof.Do(context.Background(), pprof.Labels(testLabel, run), func(context.Context) {
		n, h, err = factory(impl.Env{ID: 0, Peers: []int{0}, Transport: nowhere{}, Storage: s,
			Logger: hclog.NewNullLogger(), Observer: quiet{}, Rand: rand.New(rand.NewPCG(1, 1))})
	})
	if err != nil {
		t.Fatal(err)
	}
	return n.(*node), h
}

// awaitLeader polls State until the node leads, for at most 5 s.
func awaitLeader(t *testing.T, n impl.Node) uint64 {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if term, leader := n.State(); leader {
			return term
		}
	}
	t.Fatal("no leadership within 5 s")
	return 0
}

// Raft §5.1, Figure 2: a node that restarts keeps its term, its vote and
// its log, and is not bootstrapped a second time.
func TestRestartKeepsTermVoteAndLog(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ms := impl.NewMemStorage()
		n, _ := startAlone(t, ms, "restart")
		term := awaitLeader(t, n) // its own vote elects it
		last, _ := n.store.LastIndex()
		n.Stop()
		if hs := ms.HardState(); hs != (impl.HardState{Term: term, VotedFor: 0}) {
			t.Fatalf("HardState %+v after leading term %d, want that term and a vote for itself", hs, term)
		}

		again, _ := startAlone(t, ms, "restart")
		defer again.Stop()
		if got, leader := again.State(); got != term || leader {
			t.Errorf("restarted as (%d, %t), want a follower of term %d", got, leader, term)
		}
		if got, _ := again.store.LastIndex(); got != last {
			t.Errorf("restarted with a log ending at %d, want %d", got, last)
		}
		var first raft.Log
		if err := again.store.GetLog(1, &first); err != nil || first.Type != raft.LogConfiguration {
			t.Errorf("restarted with entry 1 %+v (%v), want the bootstrap configuration", first, err)
		}
		if next := awaitLeader(t, again); next <= term {
			t.Errorf("re-elected in term %d, want a term above %d", next, term)
		}
	})
}

// A node's goroutines all end when Stop returns (the library's metrics
// goroutine as soon as it runs again), and a call it is serving returns.
func TestStopLeavesNoGoroutine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n, h := startAlone(t, impl.NewMemStorage(), "stop")
		awaitLeader(t, n)
		if labelled("stop") == "" {
			t.Fatal("no goroutine of the running node carries the test's label: a leak would go unseen")
		}
		served := make(chan struct{})
		go func() {
			defer close(served)
			h.Serve(methodAppendEntries, appendEntriesToWire(&raft.AppendEntriesRequest{RPCHeader: header(1), Term: 1}), &raft.AppendEntriesResponse{})
		}()
		n.Stop()
		<-served
		synctest.Wait()
		if left := labelled("stop"); left != "" {
			t.Errorf("goroutines left after Stop:\n%s", left)
		}
	})
}

// labelled is the goroutine profile's records of goroutines labelled
// testLabel=run, or "".
func labelled(run string) string {
	var buf bytes.Buffer
	if err := pprof.Lookup("goroutine").WriteTo(&buf, 1); err != nil {
		return err.Error()
	}
	var left []string
	for _, rec := range strings.Split(buf.String(), "\n\n") {
		if strings.Contains(rec, fmt.Sprintf("%q:%q", testLabel, run)) {
			left = append(left, rec)
		}
	}
	return strings.Join(left, "\n\n")
}

package harness_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/driver"
	"github.com/ballot-go/ballot/specs/harness"
)

// buggy wraps the reference election, run by the driver, with one bug in
// one node.
type buggy struct {
	impl.Node
	mu    sync.Mutex
	state func(b *buggy) (uint64, bool)
}

func (b *buggy) State() (uint64, bool) {
	if b.state != nil {
		return b.state(b)
	}
	return b.Node.State()
}

func withBug(t *testing.T, victim int, bug func(b *buggy, env impl.Env)) harness.Target {
	ref := driver.Node(reference(t).Machine, 10*time.Millisecond)
	return harness.Target{Name: "buggy", Node: func(env impl.Env) (impl.Node, impl.Handler, error) {
		n, h, err := ref(env)
		if err != nil || env.ID != victim {
			return n, h, err
		}
		b := &buggy{Node: n}
		bug(b, env)
		return b, h, nil
	}}
}

func runCluster(t *testing.T, target harness.Target, d time.Duration) (results []checker.Result, err error) {
	err = harness.RunInBubble(t, func() {
		c, err := harness.New(target, harness.Config{Nodes: 3, Seed: 9})
		if err != nil {
			t.Error(err)
			return
		}
		c.RunFor(d)
		c.Close()
		results = c.Check()
	}, harness.Watch{Limit: 20 * time.Second})
	return results, err
}

// The classic student deadlock: a lock held across an unbuffered channel
// send that nobody receives. Virtual time freezes; the watchdog must say so
// and name the node.
func TestWatchdogNamesTheNodeThatFrozeTheClock(t *testing.T) {
	target := withBug(t, 1, func(b *buggy, env impl.Env) {
		applyCh := make(chan int) // nobody reads it
		go func() {
			time.Sleep(time.Second)
			b.mu.Lock()
			applyCh <- 1 // blocks forever, holding the lock
			b.mu.Unlock()
		}()
		go func() {
			time.Sleep(2 * time.Second)
			b.mu.Lock() // waits on the lock: not durable, so time stops
			b.mu.Unlock()
		}()
	})
	_, err := runCluster(t, target, 10*time.Second)
	if err == nil {
		t.Fatal("the run finished; want the frozen clock reported")
	}
	for _, want := range []string{"virtual time froze", "node 1: 1 goroutine(s) wait on a lock", "sync.Mutex.Lock", "chan send"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("report lacks %q:\n%s", want, err)
		}
	}
}

// A State that blocks on a lock held forever freezes the clock too; the
// report must point at that node's State call.
func TestWatchdogNamesABlockedState(t *testing.T) {
	target := withBug(t, 2, func(b *buggy, env impl.Env) {
		b.state = func(b *buggy) (uint64, bool) {
			b.mu.Lock()
			defer b.mu.Unlock()
			return b.Node.State()
		}
		hold := make(chan struct{})
		go func() {
			time.Sleep(500 * time.Millisecond)
			b.mu.Lock()
			<-hold // never closed: the lock is never released
		}()
	})
	_, err := runCluster(t, target, 10*time.Second)
	if err == nil || !strings.Contains(err.Error(), "node 2's State() call: 1 goroutine(s) wait on a lock") {
		t.Fatalf("want node 2's blocked State named; got:\n%v", err)
	}
}

// A goroutine that outlives Stop is a leak of that node, with its stack.
// It also outlives the scenario, which synctest reports when the bubble ends.
func TestLeakAfterStopIsNamedInTheHistory(t *testing.T) {
	target := withBug(t, 0, func(b *buggy, env impl.Env) {
		forever := make(chan struct{})
		go func() { <-forever }()
	})
	results, err := runCluster(t, target, 3*time.Second)
	if err == nil || !strings.Contains(err.Error(), "blocked goroutines remain") {
		t.Errorf("RunInBubble() = %v; want synctest's report of the goroutine left behind", err)
	}
	for _, r := range results {
		if r.Checker != "NoLeaks" {
			continue
		}
		if r.Outcome != checker.Violated || len(r.Violations) != 1 || r.Violations[0].Nodes[0] != 0 ||
			!strings.Contains(r.Violations[0].Window[len(r.Violations[0].Window)-1].Detail, "TestLeakAfterStopIsNamedInTheHistory") {
			t.Fatalf("NoLeaks = %v; want one leak of node 0 with its stack", r)
		}
		return
	}
	t.Fatal("NoLeaks did not run")
}

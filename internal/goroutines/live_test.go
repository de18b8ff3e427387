package goroutines

import (
	"context"
	"runtime/pprof"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// onNode runs go f() with the pprof label ballot-node=id.
func onNode(id string, f func()) {
	pprof.Do(context.Background(), pprof.Labels("ballot-node", id), func(context.Context) { go f() })
}

// A bubble deadlocked on a mutex held across an unbuffered channel send is
// frozen: synctest cannot see it, and the bubble stays blocked for the rest
// of the test binary's life, which ends normally.
func TestLiveFrozenMutexDeadlock(t *testing.T) {
	me := CurrentID()
	ready := make(chan struct{})
	go synctest.Test(t, func(*testing.T) {
		var mu sync.Mutex
		ch := make(chan int)
		onNode("1", func() {
			mu.Lock()
			ch <- 1 // node 2 would receive, but waits for mu first
			mu.Unlock()
		})
		synctest.Wait() // node 1 holds mu and blocks in the send
		onNode("2", func() {
			mu.Lock()
			<-ch
			mu.Unlock()
		})
		close(ready)
		select {}
	})
	<-ready

	prev := Snapshot()
	for range 30 {
		time.Sleep(100 * time.Millisecond)
		cur := Snapshot()
		b := BubbleOf(cur, me)
		if b == 0 {
			t.Fatalf("no bubble created by goroutine %d:\n%s", me, Format(cur))
		}
		if !Frozen(prev, cur, b) {
			prev = cur
			continue
		}
		in := InBubble(cur, b)
		var waiting []Goroutine
		for _, g := range WithLabel(in, "ballot-node", "2") {
			if g.WaitingOnLock() {
				waiting = append(waiting, g)
			}
		}
		if len(waiting) != 1 || waiting[0].State != "sync.Mutex.Lock" || waiting[0].Durable {
			t.Errorf("node 2 lock waiters: %+v\nbubble:\n%s", waiting, Format(in))
		}
		one := WithLabel(in, "ballot-node", "1")
		if len(one) != 1 || one[0].State != "chan send" || !one[0].Durable {
			t.Errorf("node 1: %+v\nbubble:\n%s", one, Format(in))
		}
		return
	}
	t.Fatalf("bubble never reported frozen:\n%s", Format(prev))
}

// A busy bubble (sleepers, a channel ping-pong, a contended mutex) is never
// frozen.
func TestLiveHealthyBubbleNotFrozen(t *testing.T) {
	me := CurrentID()
	var stop atomic.Bool
	done := make(chan struct{})
	go func() {
		defer close(done)
		synctest.Test(t, func(*testing.T) {
			var mu sync.Mutex
			var wg sync.WaitGroup
			n := 0
			bump := func() { mu.Lock(); n++; mu.Unlock() }
			for range 3 {
				wg.Go(func() {
					for !stop.Load() {
						time.Sleep(time.Millisecond)
						bump()
					}
				})
			}
			ping, pong := make(chan int), make(chan int)
			onNode("1", func() {
				defer wg.Done()
				for !stop.Load() {
					ping <- 1
					<-pong
					bump()
				}
				close(ping)
			})
			onNode("2", func() {
				defer wg.Done()
				for v := range ping {
					bump()
					pong <- v
				}
			})
			wg.Add(2)
			wg.Wait()
		})
	}()
	defer func() {
		stop.Store(true)
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("the healthy bubble did not finish")
		}
	}()

	prev := Snapshot()
	for i := range 10 {
		time.Sleep(100 * time.Millisecond)
		cur := Snapshot()
		b := BubbleOf(cur, me)
		if b == 0 {
			t.Fatalf("sample %d: no bubble created by goroutine %d", i, me)
		}
		if Frozen(prev, cur, b) {
			t.Fatalf("sample %d: healthy bubble reported frozen:\n%s", i, Format(InBubble(cur, b)))
		}
		prev = cur
	}
}

// Snapshot attributes its caller too, though its two stacks differ.
func TestSnapshotCallerLabels(t *testing.T) {
	var gs []Goroutine
	var id int
	pprof.Do(context.Background(), pprof.Labels("who", "caller"), func(context.Context) {
		id = CurrentID()
		gs = Snapshot()
	})
	for _, g := range gs {
		if g.ID == id {
			if g.State != "running" || g.Labels["who"] != "caller" {
				t.Errorf("caller: state %q labels %v", g.State, g.Labels)
			}
			return
		}
	}
	t.Errorf("caller %d not in snapshot:\n%s", id, Format(gs))
}

// Goroutines of two nodes blocked at the same line cannot be told apart by
// their stacks; GODEBUG=tracebacklabels=1 puts the labels in the dump.
func TestSnapshotSameStackTwoNodes(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	parked := make(chan int, 2)
	for _, node := range []string{"7", "8"} {
		onNode(node, func() {
			parked <- CurrentID()
			<-release
		})
	}
	ids := map[int]bool{<-parked: true, <-parked: true}

	// nodes returns the ballot-node label of the two goroutines ("nil" when
	// unknown), once both wait on release.
	nodes := func() []string {
		for range 100 {
			var out []string
			for _, g := range Snapshot() {
				if ids[g.ID] && g.State == "chan receive" {
					if g.Labels == nil {
						out = append(out, "nil")
					} else {
						out = append(out, g.Labels["ballot-node"])
					}
				}
			}
			if len(out) == 2 {
				slices.Sort(out)
				return out
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Fatal("the two goroutines never both waited")
		return nil
	}
	if got := nodes(); !slices.Equal(got, []string{"nil", "nil"}) {
		t.Errorf("from stacks alone: %v, want both unknown", got)
	}
	t.Setenv("GODEBUG", "tracebacklabels=1")
	if got := nodes(); !slices.Equal(got, []string{"7", "8"}) {
		t.Errorf("with tracebacklabels=1: %v, want [7 8]", got)
	}
}

package faults_test

import (
	"sync"
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// heard records what a tracer heard, as "kind why" strings.
type heard struct {
	mu     sync.Mutex
	events []string
	live   [][]bool
}

func (h *heard) add(s string) { h.mu.Lock(); h.events = append(h.events, s); h.mu.Unlock() }

func (h *heard) Status(time.Duration, impl.Status)                                { h.add("status") }
func (h *heard) Message(time.Duration, faults.MessageEvent, impl.Message, string) { h.add("message") }
func (h *heard) Incident(faults.Incident)                                         { h.add("incident") }
func (h *heard) Topology(_ time.Duration, t faults.Topology, _ int, why string) {
	h.add("topology " + why)
	h.mu.Lock()
	h.live = append(h.live, t.Live)
	h.mu.Unlock()
}

func TestPusherReportsInOrderAndStopAllMarksEveryNodeDown(t *testing.T) {
	h := &heard{}
	p := &faults.Pusher{Tracer: h, Now: func() time.Duration { return time.Second },
		Topology: func() faults.Topology { return faults.Topology{Live: []bool{true, true}} }}
	p.Status(impl.Status{})
	p.Message(faults.Sent, impl.Message{}, "")
	p.Incident(faults.Incident{})
	p.Changed(1, "crash")
	p.StopAll()
	want := []string{"status", "message", "incident", "topology crash", "topology " + faults.WhyStopAll}
	if len(h.events) != len(want) {
		t.Fatalf("heard %v; want %v", h.events, want)
	}
	for i := range want {
		if h.events[i] != want[i] {
			t.Fatalf("heard %v; want %v", h.events, want)
		}
	}
	if h.live[1][0] || h.live[1][1] {
		t.Errorf("StopAll pushed live nodes: %v", h.live[1])
	}
	(&faults.Pusher{}).Changed(0, "nobody listens") // a nil tracer hears nothing, and nothing breaks
}

package harness

import (
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// An operation's pushed changes become one event under its label, at the
// time of the last change; a panic's keeps its own; an operation that
// changed nothing is recorded with the last known network.
func TestAttributeLabelsAnOperationsChanges(t *testing.T) {
	up := faults.Topology{Live: []bool{true, true}, Cut: [][]bool{{false, false}, {false, false}}}
	cut := faults.Topology{Live: []bool{true, true}, Cut: [][]bool{{false, true}, {true, false}}, Faulty: true}
	r := &recorder{}
	r.Topology(0, up, impl.None, faults.WhyStart)

	mark := r.mark()
	r.Topology(5*time.Millisecond, up, impl.None, "grudge cleared")
	r.Status(6*time.Millisecond, impl.Status{ID: 1})
	r.Topology(6*time.Millisecond, up, 1, faults.WhyPanicked)
	r.Topology(7*time.Millisecond, cut, impl.None, "grudge set")
	r.attribute(mark, 8*time.Millisecond, 1, "disconnect [1]")

	mark = r.mark()
	r.attribute(mark, 9*time.Millisecond, impl.None, "inject nothing")

	got := r.snapshot()
	want := []struct {
		at     time.Duration
		typ    checker.EventType
		detail string
		cut    bool
	}{
		{0, checker.Topology, faults.WhyStart, false},
		{6 * time.Millisecond, checker.Observe, "", false},
		{6 * time.Millisecond, checker.Topology, faults.WhyPanicked, false},
		{7 * time.Millisecond, checker.Topology, "disconnect [1]", true},
		{9 * time.Millisecond, checker.Topology, "inject nothing", true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d events, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		e := got[i]
		if e.At != w.at || e.Type != w.typ || e.Detail != w.detail || (e.Type == checker.Topology && e.Net.IsCut(0, 1) != w.cut) {
			t.Errorf("event %d: %v %v %q; want %v %v %q (cut %t)", i, e.At, e.Type, e.Detail, w.at, w.typ, w.detail, w.cut)
		}
	}
}

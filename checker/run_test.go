package checker_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
	"github.com/ballot-go/ballot/impl"
)

func TestAllHaveDistinctNames(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range checker.All() {
		if c.Name() == "" || seen[c.Name()] {
			t.Errorf("checker %T has an empty or repeated name %q", c, c.Name())
		}
		seen[c.Name()] = true
	}
	if len(seen) != 10 {
		t.Errorf("All returns %d checkers, want 10", len(seen))
	}
}

// An empty history breaks no rule; checkers that need more say Unknown.
func TestEmptyHistory(t *testing.T) {
	for _, h := range []checker.History{{}, {Nodes: 3}} {
		for _, r := range checker.Run(h, checker.All()...) {
			if r.Outcome == checker.Violated {
				t.Errorf("%v on an empty history of %d nodes", r, h.Nodes)
			}
			if r.Outcome == checker.Unknown && r.Reason == "" {
				t.Errorf("%s: Unknown without a reason", r.Checker)
			}
		}
	}
}

// A corrupt node count must not make a checker allocate for it.
func TestHugeNodeCount(t *testing.T) {
	b := hist.New(3)
	elect(b.At(ms(300)), 0, 1, 1, 2)
	h := b.History()
	h.Nodes = 1 << 40
	for _, r := range checker.Run(h, checker.All()...) {
		if r.Outcome == checker.Violated {
			t.Errorf("%v", r)
		}
	}
}

// Run keeps the order of its checkers, and turns a panic into Unknown.
func TestRunOrderAndPanics(t *testing.T) {
	h := hist.New(3).History()
	rs := checker.Run(h, checker.NoLeaks{}, panicky{}, checker.NoStuck{})
	if len(rs) != 3 || rs[0].Checker != "NoLeaks" || rs[2].Checker != "NoStuck" {
		t.Fatalf("results out of order: %v", rs)
	}
	if rs[1].Outcome != checker.Unknown || !strings.Contains(rs[1].Reason, "boom") {
		t.Errorf("a panicking checker gave %v", rs[1])
	}
	if checker.Failed(rs) {
		t.Error("Failed without a violation")
	}
	if !checker.Failed(append(rs, checker.Result{Outcome: checker.Violated})) {
		t.Error("not Failed with a violation")
	}
}

type panicky struct{}

func (panicky) Name() string                         { return "Panicky" }
func (panicky) Check(checker.History) checker.Result { panic("boom") }

// A broken run may produce a finding per event; a Result keeps the first
// MaxViolations and counts the rest.
func TestViolationsAreCapped(t *testing.T) {
	b := hist.New(3)
	for i := range 1000 {
		b.At(ms(i)).Leak(i%3, "stack")
	}
	r := checker.NoLeaks{}.Check(b.History())
	if len(r.Violations) != checker.MaxViolations || r.Suppressed != 1000-checker.MaxViolations {
		t.Errorf("%d violations kept and %d suppressed", len(r.Violations), r.Suppressed)
	}
}

// A generated healthy run, with leader failures and elections, passes all.
func TestSyntheticHistoryIsClean(t *testing.T) {
	h := hist.Synthetic(5, 50_000)
	for _, r := range checker.Run(h, checker.All()...) {
		if r.Outcome != checker.Ok {
			t.Errorf("%v", r)
		}
	}
}

// No input may panic a checker: random events with node ids out of range,
// odd Net shapes, nil Nets, Nodes of 0 or negative, times going backwards.
func TestRandomHistoriesDoNotPanic(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		checkNoPanic(t, randomHistory(r))
	}
}

func FuzzCheckers(f *testing.F) {
	f.Add(uint64(1), uint64(2))
	f.Add(uint64(7), uint64(0))
	f.Fuzz(func(t *testing.T, a, b uint64) {
		checkNoPanic(t, randomHistory(rand.New(rand.NewPCG(a, b))))
	})
}

func checkNoPanic(t *testing.T, h checker.History) {
	t.Helper()
	for _, c := range checker.All() {
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("%s panicked: %v", c.Name(), p)
				}
			}()
			c.Check(h)
		}()
	}
}

func randomHistory(r *rand.Rand) checker.History {
	h := checker.History{Nodes: r.IntN(8) - 2}
	node := func() int { return r.IntN(12) - 3 }
	back := 0 // most histories keep time order, so time-based checkers get past their guard
	if r.IntN(4) == 0 {
		back = 20
	}
	var at time.Duration
	for range r.IntN(200) {
		at += time.Duration(r.IntN(400)-back) * time.Millisecond
		e := checker.Event{At: at, Type: checker.EventType(r.IntN(9)), Node: node()}
		e.Status = impl.Status{ID: e.Node, Term: uint64(r.IntN(6)), Role: impl.Role(r.IntN(6)), Leader: node(), VotedFor: node()}
		e.Msg = impl.Message{From: node(), To: node(), Term: uint64(r.IntN(6)), Kind: impl.Kind(r.IntN(8)), Granted: r.IntN(2) == 0}
		if r.IntN(3) == 0 {
			e.Net = randomNet(r)
		}
		h.Events = append(h.Events, e)
	}
	return h
}

func randomNet(r *rand.Rand) *checker.Net {
	n := &checker.Net{Faulty: r.IntN(2) == 0}
	for i := range r.IntN(9) {
		n.Live = append(n.Live, r.IntN(4) != 0)
		n.Cut = append(n.Cut, make([]bool, r.IntN(9)))
		for j := range n.Cut[i] {
			n.Cut[i][j] = r.IntN(4) == 0
		}
	}
	return n
}

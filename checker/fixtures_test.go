package checker_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
	"github.com/ballot-go/ballot/impl"
)

// The golden fixtures in testdata/<checker>/ are plain checker.History JSON,
// one event per line, for other tools to reuse. Their names say what a
// checker must answer: good-* is Ok, bad-* is Violated, unknown-* is
// Unknown. Each starts with a Note that says what it shows. They are
// written from the builders below by
//
//	go test ./checker/... -update
//
// and otherwise only read: the files, not the builders, are what is checked.
var update = flag.Bool("update", false, "rewrite testdata fixtures from their builders")

// fixture is one golden history and what its checker must say about it.
type fixture struct {
	build func() checker.History
	want  want
}

// want describes the expected result. Evidence fields describe the first
// violation; empty fields are not checked.
type want struct {
	outcome    checker.Outcome
	violations int      // how many findings, if not 0
	nodes      []int    // Violation.Nodes, exactly
	terms      []uint64 // Violation.Terms, exactly
	at         time.Duration
	summary    []string // substrings of Violation.Summary
	window     []probe  // events Violation.Window must include
	reason     string   // substring of Reason, for Unknown
}

// probe names an event by time, type and node.
type probe struct {
	at   time.Duration
	typ  checker.EventType
	node int
}

// checkFixtures writes (with -update), loads and checks every fixture of a
// checker, and fails on fixture files that nothing checks.
func checkFixtures(t *testing.T, c checker.Checker, dir string, fixtures map[string]fixture) {
	t.Helper()
	dir = filepath.Join("testdata", dir)
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, f := range fixtures {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".jsonl")
			if *update {
				if err := checker.SaveHistory(path, f.build()); err != nil {
					t.Fatal(err)
				}
			}
			h, err := checker.LoadHistory(path)
			if err != nil {
				t.Fatal(err)
			}
			checkPrefix(t, name, f.want.outcome)
			expect(t, c.Check(h), f.want)
		})
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	for _, p := range files {
		if _, ok := fixtures[strings.TrimSuffix(filepath.Base(p), ".jsonl")]; !ok {
			t.Errorf("fixture %s is not checked by any test", p)
		}
	}
}

func checkPrefix(t *testing.T, name string, o checker.Outcome) {
	t.Helper()
	prefix := map[checker.Outcome]string{checker.Ok: "good-", checker.Violated: "bad-", checker.Unknown: "unknown-"}[o]
	if !strings.HasPrefix(name, prefix) {
		t.Errorf("fixture %s expects %v, so its name must start with %q", name, o, prefix)
	}
}

// expect compares a result with what is wanted.
func expect(t *testing.T, r checker.Result, w want) {
	t.Helper()
	if r.Outcome != w.outcome {
		t.Fatalf("outcome %v, want %v\n%v", r.Outcome, w.outcome, r)
	}
	if w.reason != "" && !strings.Contains(r.Reason, w.reason) {
		t.Errorf("reason %q does not mention %q", r.Reason, w.reason)
	}
	if w.violations != 0 && len(r.Violations) != w.violations {
		t.Errorf("%d violations, want %d\n%v", len(r.Violations), w.violations, r)
	}
	if r.Outcome != checker.Violated {
		return
	}
	v := r.Violations[0]
	if w.nodes != nil && !slices.Equal(v.Nodes, w.nodes) {
		t.Errorf("nodes %v, want %v (%s)", v.Nodes, w.nodes, v.Summary)
	}
	if w.terms != nil && !slices.Equal(v.Terms, w.terms) {
		t.Errorf("terms %v, want %v (%s)", v.Terms, w.terms, v.Summary)
	}
	if w.at != 0 && v.At != w.at {
		t.Errorf("at %v, want %v (%s)", v.At, w.at, v.Summary)
	}
	for _, s := range w.summary {
		if !strings.Contains(v.Summary, s) {
			t.Errorf("summary %q does not mention %q", v.Summary, s)
		}
	}
	for _, p := range w.window {
		if !slices.ContainsFunc(v.Window, func(e checker.Event) bool { return e.At == p.at && e.Type == p.typ && e.Node == p.node }) {
			t.Errorf("window lacks the %v of node %d at %v", p.typ, p.node, p.at)
		}
	}
	checkWindow(t, v.Window)
}

// checkWindow asserts the window is in history order and not bloated.
func checkWindow(t *testing.T, w []checker.Event) {
	t.Helper()
	if len(w) == 0 {
		t.Error("violation has no evidence window")
	}
	for i := 1; i < len(w); i++ {
		if w[i].At < w[i-1].At {
			t.Errorf("window out of order at %d: %v after %v", i, w[i].At, w[i-1].At)
		}
	}
}

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

// elect records a successful election of c in term, with the given voters
// each receiving the request, voting and replying. It starts at the
// builder's time T and observes c as leader at T+10ms, a round time that
// fixtures can name.
func elect(b *hist.Builder, c int, term uint64, voters ...int) {
	start := b.Now()
	b.Candidate(c, term)
	for _, v := range voters {
		b.RequestVote(c, v, term)
		b.Follower(v, term, impl.None, c)
		b.Vote(v, c, term, true)
	}
	b.At(max(b.Now(), start+10*time.Millisecond)).Leader(c, term)
}

// beat has leader send one heartbeat round to followers every 150ms until
// the clock reaches until; followers that hear it follow it.
func beat(b *hist.Builder, leader int, term uint64, until time.Duration, followers ...int) {
	for b.Now() < until {
		start := b.Now()
		for _, f := range followers {
			b.Heartbeat(leader, f, term)
		}
		b.At(start + 150*time.Millisecond)
	}
}

// followAll observes every follower following leader in term.
func followAll(b *hist.Builder, leader int, term uint64, followers ...int) {
	for _, f := range followers {
		b.Follower(f, term, leader, leader)
	}
}

// campaign records a failed election: c asks the voters, who refuse.
func campaign(b *hist.Builder, c int, term uint64, voters ...int) {
	b.Candidate(c, term)
	for _, v := range voters {
		if b.RequestVote(c, v, term) {
			b.Vote(v, c, term, false)
		}
	}
}

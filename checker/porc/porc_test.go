package porc_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
	"github.com/ballot-go/ballot/checker/porc"
)

var update = flag.Bool("update", false, "rewrite testdata fixtures from their builders")

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

// leaseFixtures are the golden histories in testdata/lease: good-* must be
// Ok, bad-* Violated with the stale and the newer leader as Nodes and their
// terms as Terms.
var leaseFixtures = map[string]struct {
	build   func() checker.History
	nodes   []int
	terms   []uint64
	summary string
}{
	"good-lease-expires-before-election": {build: func() checker.History {
		b := hist.New(3).Note("leader 0 is cut off at 1s, lets its lease lapse at 1.5s; node 1 is elected at 2s")
		b.At(ms(300)).Leader(0, 1)
		b.At(ms(1000)).Isolate(0)
		b.At(ms(1500)).Follower(0, 1, -1, 0)
		b.At(ms(2000)).Candidate(1, 2).Leader(1, 2)
		b.At(ms(4000)).Heal().Follower(0, 2, 1, -1)
		return b.History()
	}},
	"good-crashed-leader": {build: func() checker.History {
		b := hist.New(3).Note("leader 0 crashes at 1s; node 1 is elected at 1.5s; node 0 restarts as a follower")
		b.At(ms(300)).Leader(0, 1)
		b.At(ms(1000)).Crash(0).Down(0, 1, 0)
		b.At(ms(1500)).Leader(1, 2)
		b.At(ms(3000)).Restart(0).Follower(0, 1, -1, 0)
		return b.History()
	}},
	"good-overlap-within-width": {build: func() checker.History {
		b := hist.New(3).Note("node 1 is elected at 2s; leader 0 steps down 0.5ms later, within the 1ms width")
		b.At(ms(300)).Leader(0, 1)
		b.At(ms(2000)).Leader(1, 2)
		b.After(500*time.Microsecond).Follower(0, 2, 1, -1)
		return b.History()
	}},
	"bad-stale-leader-holds-on": {
		build: func() checker.History {
			b := hist.New(3).Note("leader 0 is cut off at 1s and keeps leading; node 1 is elected at 2s; " +
				"node 0 learns of term 2 only after the heal, at 4.2s")
			b.At(ms(300)).Leader(0, 1)
			b.At(ms(1000)).Isolate(0)
			b.At(ms(2000)).Candidate(1, 2).Leader(1, 2)
			b.At(ms(4000)).Heal()
			b.At(ms(4200)).Follower(0, 2, 1, -1)
			return b.History()
		},
		nodes:   []int{0, 1},
		terms:   []uint64{1, 2},
		summary: "node 0 still led term 1 at 4.2s, after node 1 had been observed leading term 2 at 2s",
	},
	"bad-stale-election-completes-late": {
		build: func() checker.History {
			b := hist.New(3).Note("node 1 leads term 2 from 2s; at 3s node 2 is observed leading the older term 1")
			b.At(ms(2000)).Leader(1, 2)
			b.At(ms(3000)).Leader(2, 1)
			return b.History()
		},
		nodes:   []int{2, 1},
		terms:   []uint64{1, 2},
		summary: "node 2 was observed leading term 1 at 3s",
	},
	"good-empty": {build: func() checker.History { return checker.History{} }},
}

func TestLeaseModel(t *testing.T) {
	dir := filepath.Join("testdata", "lease")
	for name, f := range leaseFixtures {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".jsonl")
			if *update {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := checker.SaveHistory(path, f.build()); err != nil {
					t.Fatal(err)
				}
			}
			h, err := checker.LoadHistory(path)
			if err != nil {
				t.Fatal(err)
			}
			r := porc.CheckLeases(h, 10*time.Second)
			if r.Checker != "LeaderLease" {
				t.Errorf("checker name %q", r.Checker)
			}
			if strings.HasPrefix(name, "good-") {
				if r.Outcome != checker.Ok {
					t.Fatalf("want ok, got %v", r)
				}
				return
			}
			if r.Outcome != checker.Violated {
				t.Fatalf("want violated, got %v", r)
			}
			v := r.Violations[0]
			if !slices.Equal(v.Nodes, f.nodes) || !slices.Equal(v.Terms, f.terms) || !strings.Contains(v.Summary, f.summary) {
				t.Errorf("got nodes %v terms %v %q; want nodes %v terms %v and %q", v.Nodes, v.Terms, v.Summary, f.nodes, f.terms, f.summary)
			}
			if len(v.Window) == 0 {
				t.Error("no evidence window")
			}
		})
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	for _, p := range files {
		if _, ok := leaseFixtures[strings.TrimSuffix(filepath.Base(p), ".jsonl")]; !ok {
			t.Errorf("fixture %s is not checked by any test", p)
		}
	}
}

// A long healthy run with leader failures and leases respected passes, and
// LeaseChecker works through checker.Run.
func TestLeasesOnSyntheticRun(t *testing.T) {
	h := hist.Synthetic(5, 50_000)
	for _, r := range checker.Run(h, porc.LeaseChecker{Timeout: 10 * time.Second}) {
		if r.Outcome != checker.Ok {
			t.Fatal(r)
		}
	}
}

// Sixty leaders of distinct terms observed at once, then a claim of term 0:
// illegal, but porcupine must try exponentially many orders to prove it.
func TestLeasesTimeoutIsUnknown(t *testing.T) {
	b := hist.New(61)
	for n := 1; n <= 60; n++ {
		b.Leader(n, uint64(n))
	}
	b.At(ms(10)).Leader(0, 0)
	r := porc.CheckLeases(b.History(), 200*time.Millisecond)
	if r.Outcome != checker.Unknown || !strings.Contains(r.Reason, "timed out") {
		t.Fatalf("want Unknown on timeout, got %v", r)
	}
}

func TestVisualize(t *testing.T) {
	h, err := checker.LoadHistory("testdata/lease/bad-stale-leader-holds-on.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := porc.Visualize(&buf, h, ms(3000), ms(4000)); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, want := range []string{"<html", "n1 leads t2", "n0 still leads t1", "isolate node"} {
		if !strings.Contains(html, want) {
			t.Errorf("the view lacks %q", want)
		}
	}
}

func TestOperations(t *testing.T) {
	h, err := checker.LoadHistory("testdata/lease/bad-stale-leader-holds-on.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, op := range porc.Operations(h, time.Millisecond) {
		got = append(got, op.Input.(porc.Claim).String()+" @"+time.Duration(op.Call).String())
	}
	want := []string{"n0 leads t1 @300ms", "n1 leads t2 @2s", "n0 still leads t1 @4.2s", "n1 still leads t2 @4.2s"}
	if !slices.Equal(got, want) {
		t.Errorf("operations %q, want %q", got, want)
	}
}

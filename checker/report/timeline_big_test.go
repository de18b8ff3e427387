package report

import (
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
	"github.com/ballot-go/ballot/impl"
)

// bigHistory is the load the page must stay responsive under: a minute of
// a 7-node cluster with every message recorded, about 100k events. The
// leader heartbeats every 14ms (a busy cluster; a real one beats every
// 50–150ms but also replicates), logs a line every half second, and is
// isolated or crashed every 10s while another takes over. At 45s a stale
// node claims the current term too, so that the page has a finding to open on.
func bigHistory() checker.History {
	const (
		nodes = 7
		beat  = 14 * time.Millisecond
		span  = 60 * time.Second
	)
	b := hist.New(nodes).Note("synthetic load: 7 nodes, heartbeats every 14ms, a leader fault every 10s")
	leader, term := 0, uint64(0)
	elect := func(c int, down map[int]bool) {
		term++
		leader = c
		b.Candidate(c, term)
		for j := range nodes {
			if j != c && !down[j] && b.RequestVote(c, j, term) {
				b.Follower(j, term, impl.None, c)
				b.Vote(j, c, term, true)
			}
		}
		b.Leader(c, term)
		b.Event(checker.Event{Type: checker.Log, Node: c, Detail: fmt.Sprintf("n%d: won the election for term %d", c, term)})
	}
	for j := range nodes {
		b.Follower(j, 0, impl.None, impl.None)
	}
	b.At(300 * time.Millisecond)
	elect(0, nil)
	down := map[int]bool{}
	isolated, healAt, round := -1, time.Duration(-1), 0
	for t := 400 * time.Millisecond; t < span; t += beat {
		b.At(max(t, b.Now()))
		round++
		switch {
		case t >= healAt && healAt >= 0:
			if isolated >= 0 {
				b.Heal()
				b.Follower(isolated, term, leader, impl.None)
			}
			for j := range down {
				b.Restart(j)
				b.Follower(j, term, leader, impl.None)
			}
			isolated, healAt, down = -1, -1, map[int]bool{}
		case t%(10*time.Second) < beat && t > time.Second:
			old := leader
			if (t/(10*time.Second))%2 == 1 {
				b.Isolate(old)
				isolated = old
			} else {
				b.Crash(old)
				b.Down(old, term, old)
				down[old] = true
			}
			b.After(800 * time.Millisecond)
			b.Follower(old, term, impl.None, old)
			elect((old+1)%nodes, down)
			healAt = t + 4*time.Second
		case t >= 45*time.Second && t < 45*time.Second+beat:
			stale := (leader + 3) % nodes
			b.Leader(stale, term) // the bug: a second leader in the current term
			b.After(30 * time.Millisecond)
			b.Follower(stale, term, leader, impl.None)
		}
		for j := range nodes {
			if j != leader && !down[j] {
				b.Heartbeat(leader, j, term)
			}
		}
		if round%33 == 0 {
			b.Event(checker.Event{Type: checker.Log, Node: leader, Detail: fmt.Sprintf("n%d: heartbeat round %d in term %d", leader, round, term)})
		}
	}
	h := b.History()
	h.Seed = 60
	return h
}

// The page of a minute of a busy 7-node cluster must stay small enough to
// open from a CI artifact without a wait.
func TestTimelineLargeHistory(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a 100k-event page")
	}
	h := bigHistory()
	if len(h.Events) < 90_000 {
		t.Fatalf("big history has %d events, want about 100k", len(h.Events))
	}
	results := checker.Run(h, checker.All()...)
	if !checker.Failed(results) {
		t.Fatalf("the big history's planted second leader went unnoticed: %v", results)
	}
	start := time.Now()
	var cw countingWriter
	if err := WriteTimeline(&cw, h, results, TimelineOptions{Title: "big"}); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	const limit = 15 << 20
	if cw.n > limit {
		t.Errorf("page of %d events is %d bytes, over %d", len(h.Events), cw.n, limit)
	}
	t.Logf("%d events, %d nodes, %v: page %.2f MB, written in %v", len(h.Events), h.Nodes,
		h.Events[len(h.Events)-1].At.Round(time.Millisecond), float64(cw.n)/(1<<20), took.Round(time.Millisecond))
}

func BenchmarkWriteTimeline(b *testing.B) {
	h := bigHistory()
	results := checker.Run(h, checker.All()...)
	b.ResetTimer()
	for b.Loop() {
		var cw countingWriter
		if err := WriteTimeline(&cw, h, results, TimelineOptions{Title: "big"}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(cw.n)/(1<<20), "MB/page")
	}
}

type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

var _ io.Writer = (*countingWriter)(nil)

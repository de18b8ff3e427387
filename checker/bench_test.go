package checker_test

import (
	"sync"
	"testing"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
)

// bench1M is a realistic run of 5 nodes: heartbeats every 150ms with
// replies, a leader isolated or crashed every 20s and replaced, and the
// observations all that produces. It is built once, outside the timers.
var bench1M = sync.OnceValue(func() checker.History { return hist.Synthetic(5, 1_000_000) })

// The target: all checkers together, a million events, well under a second
// on two cores.
func BenchmarkAllCheckers1M(b *testing.B) {
	h := bench1M()
	if rs := checker.Run(h, checker.All()...); checker.Failed(rs) {
		b.Fatalf("the synthetic history should pass: %v", rs)
	}
	b.Run("All", func(b *testing.B) { benchRun(b, h, checker.All()...) })
	for _, c := range checker.All() {
		b.Run(c.Name(), func(b *testing.B) { benchRun(b, h, c) })
	}
}

func benchRun(b *testing.B, h checker.History, cs ...checker.Checker) {
	b.ReportAllocs()
	for b.Loop() {
		checker.Run(h, cs...)
	}
	b.ReportMetric(float64(len(h.Events))*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

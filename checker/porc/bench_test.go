package porc_test

import (
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
	"github.com/ballot-go/ballot/checker/porc"
)

// The lease check on the same million-event run as checker's benchmark.
func BenchmarkCheckLeases1M(b *testing.B) {
	h := hist.Synthetic(5, 1_000_000)
	for b.Loop() {
		if r := porc.CheckLeases(h, time.Minute); r.Outcome != checker.Ok {
			b.Fatal(r)
		}
	}
	b.ReportMetric(float64(len(h.Events))*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

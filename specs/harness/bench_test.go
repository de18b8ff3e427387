package harness_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/ballot-go/ballot/specs/harness"
)

// BenchmarkRecordedCluster measures a cluster as the suite runs it: the
// reference election on the simulator, every status change and every
// message recorded into the history, then every checker over it. Each
// iteration is a fresh cluster living one virtual minute, the length of a
// nemesis spec; vsec/s is virtual seconds per wall second.
func BenchmarkRecordedCluster(b *testing.B) {
	const life = time.Minute
	for _, n := range []int{3, 5, 7, 51} {
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			events := 0
			for b.Loop() {
				c, err := harness.New(reference(b), harness.Config{Nodes: n, Seed: 1})
				if err != nil {
					b.Fatal(err)
				}
				c.RunFor(life)
				c.Check()
				events += len(c.History().Events)
			}
			wall := b.Elapsed().Seconds()
			b.ReportMetric(float64(b.N)*life.Seconds()/wall, "vsec/s")
			b.ReportMetric(float64(events)/wall, "events/s")
		})
	}
}

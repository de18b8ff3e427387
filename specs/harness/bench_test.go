package harness_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/ballot-go/ballot/specs/harness"
)

// BenchmarkRecordedCluster measures a whole cluster as the suite runs it:
// the reference election on the simulator, with every status change and
// every message recorded into the history. Each iteration is one virtual
// second; vsec/s is virtual seconds per wall second.
func BenchmarkRecordedCluster(b *testing.B) {
	for _, n := range []int{3, 5, 7, 51} {
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			c, err := harness.New(reference(b), harness.Config{Nodes: n, Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			if _, _, err := c.CheckOneLeader(); err != nil {
				b.Fatal(err)
			}
			start, events := c.Now(), len(c.History().Events)
			for b.Loop() {
				c.RunFor(time.Second)
			}
			wall := b.Elapsed().Seconds()
			b.ReportMetric((c.Now()-start).Seconds()/wall, "vsec/s")
			b.ReportMetric(float64(len(c.History().Events)-events)/wall, "events/s")
		})
	}
}

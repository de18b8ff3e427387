package harness_test

import (
	"flag"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/impl/driver"
	"github.com/ballot-go/ballot/specs/harness"
)

// TestNodeModeSpeed is a benchmark in a test's clothing: a synctest bubble
// hangs off a *testing.T, which a benchmark does not have. It runs only
// under -bench, measures with testing.Benchmark, and asserts nothing:
//
//	go test -run NodeModeSpeed -bench . -v ./specs/harness
//
// Each iteration is a fresh cluster of the reference election as goroutines,
// living one virtual minute with everything recorded, then checked.
func TestNodeModeSpeed(t *testing.T) {
	if f := flag.Lookup("test.bench"); f == nil || f.Value.String() == "" {
		t.Skip("a benchmark: run it with -bench")
	}
	const life = time.Minute
	target := harness.Target{Name: "reference as goroutines", Node: driver.Node(reference(t).Machine, 10*time.Millisecond)}
	for _, n := range []int{3, 5, 7} {
		res := testing.Benchmark(func(b *testing.B) {
			for b.Loop() {
				synctest.Test(t, func(t *testing.T) {
					c, err := harness.New(target, harness.Config{Nodes: n, Seed: 1})
					if err != nil {
						t.Fatal(err)
					}
					c.RunFor(life)
					c.Close()
					c.Check()
				})
			}
		})
		vsec := float64(res.N) * life.Seconds() / res.T.Seconds()
		fmt.Printf("BenchmarkNodeMode/nodes=%d\t%d\t%d ns/op\t%.0f vsec/s\n", n, res.N, res.NsPerOp(), vsec)
	}
}

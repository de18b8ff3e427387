package cli_test

import (
	"bytes"
	"context"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
	"time"

	"github.com/ballot-go/ballot/cmd/chaos/cli"
	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/zoo"
)

// sweepSeeds is one iteration of both benchmarks.
const sweepSeeds = 100

// BenchmarkSweep is chaos run over 100 seeds of the default run: the
// reference on 5 nodes, 60 virtual seconds of every fault, 10 s to
// settle, every checker, one worker per core. The GC setting is Main's.
func BenchmarkSweep(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	b.Setenv("BALLOT_RUNS", b.TempDir())
	for b.Loop() {
		var stdout, stderr bytes.Buffer
		if code := cli.Execute(context.Background(), nil, []string{"run", "--seeds", "100", "--out", b.TempDir()}, &stdout, &stderr); code != 0 {
			b.Fatalf("exit %d: %s%s", code, stdout.String(), stderr.String())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*sweepSeeds), "ms/seed")
}

// BenchmarkSweepBareSimulator runs the same 100 seeds' clusters and fault
// schedules in the simulator alone, with nothing recorded or checked: what
// the sweep costs beyond simulating.
func BenchmarkSweepBareSimulator(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	factory := zoo.Reference()[0].Target.Machine
	for b.Loop() {
		seeds := make(chan uint64)
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for seed := range seeds {
					bareRun(b, factory, seed)
				}
			})
		}
		for seed := range uint64(sweepSeeds) {
			seeds <- seed + 1
		}
		close(seeds)
		wg.Wait()
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*sweepSeeds), "ms/seed")
}

func bareRun(b *testing.B, factory impl.MachineFactory, seed uint64) {
	s, err := sim.New(sim.Config{Nodes: 5, Seed: seed, Factory: factory})
	if err != nil {
		b.Error(err)
		return
	}
	schedule, err := faults.RandomSchedule(faults.ScenarioRand(seed), 5, faults.NamesFor(sim.Capabilities()), time.Minute, 4*time.Second)
	if err != nil {
		b.Error(err)
		return
	}
	s.RunUntil(5*time.Second, func() bool { _, ok := s.Leader(); return ok })
	schedule.Run(s, s, nil)
	s.RunFor(10 * time.Second)
	s.Close()
}

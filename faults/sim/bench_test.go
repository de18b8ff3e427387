package sim_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/raft"
)

// BenchmarkSim measures the simulator with a nil Tracer and 10ms ticks, on
// the reference Raft with heartbeats every 10 ticks (100ms) and on a bare
// beacon machine that does the same with no election logic, which bounds
// what the simulator alone costs. vsec/s is virtual seconds per wall second;
// msgs/s is deliveries per wall second. Each iteration simulates one virtual
// second.
func BenchmarkSim(b *testing.B) {
	machines := []struct {
		name    string
		factory impl.MachineFactory
	}{
		{"raft", raftFactory(b)},
		{"beacon", beaconFactory(30, 10)},
	}
	for _, m := range machines {
		for _, n := range []int{3, 5, 7, 51} {
			b.Run(fmt.Sprintf("machine=%s/nodes=%d", m.name, n), func(b *testing.B) { benchSim(b, n, m.factory) })
		}
	}
}

func raftFactory(b *testing.B) impl.MachineFactory {
	cfg := raft.DefaultConfig()
	cfg.ElectionTicks, cfg.HeartbeatTicks = 30, 10
	f, err := cfg.Factory()
	if err != nil {
		b.Fatal(err)
	}
	return f
}

func benchSim(b *testing.B, nodes int, factory impl.MachineFactory) {
	s, err := sim.New(sim.Config{Nodes: nodes, Seed: 1, Tick: 10 * time.Millisecond, Factory: factory})
	if err != nil {
		b.Fatal(err)
	}
	if !s.RunUntil(time.Minute, func() bool { _, ok := s.Leader(); return ok }) {
		b.Fatal("no leader elected")
	}
	start, delivered := s.Now(), s.Stats().Delivered
	b.ReportAllocs()
	for b.Loop() {
		s.RunFor(time.Second)
	}
	wall := b.Elapsed().Seconds()
	b.ReportMetric((s.Now()-start).Seconds()/wall, "vsec/s")
	b.ReportMetric(float64(s.Stats().Delivered-delivered)/wall, "msgs/s")
}

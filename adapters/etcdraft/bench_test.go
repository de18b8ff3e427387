package etcdraft

import (
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/specs/harness"
)

// BenchmarkSim measures a 5-node cluster of each variant in the simulator
// alone: no tracer, 10 ms ticks, a leader heartbeating every 150 ms. Each
// iteration simulates one virtual second of a steady cluster; vsec/s is
// virtual seconds per wall second, msgs/s deliveries per wall second.
func BenchmarkSim(b *testing.B) {
	for name, cfg := range variants() {
		b.Run(name, func(b *testing.B) {
			factory, err := cfg.Factory()
			if err != nil {
				b.Fatal(err)
			}
			s, err := sim.New(sim.Config{Nodes: 5, Seed: 1, Factory: factory})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
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
		})
	}
}

// BenchmarkRecordedCluster measures a cluster as the suite runs it: each
// iteration is a fresh 5-node cluster of the variant, living one virtual
// minute with every status change and message recorded, then judged by
// every checker.
func BenchmarkRecordedCluster(b *testing.B) {
	const life = time.Minute
	for name, cfg := range variants() {
		b.Run(name, func(b *testing.B) {
			target, events := cfg.Target("etcd-raft-"+name), 0
			for b.Loop() {
				c, err := harness.New(target, harness.Config{Nodes: 5, Seed: 1})
				if err != nil {
					b.Fatal(err)
				}
				c.RunFor(life)
				c.Close()
				c.Check()
				events += len(c.History().Events)
			}
			wall := b.Elapsed().Seconds()
			b.ReportMetric(float64(b.N)*life.Seconds()/wall, "vsec/s")
			b.ReportMetric(float64(events)/wall, "events/s")
		})
	}
}

package raft

import (
	"math"
	"testing"

	"github.com/ballot-go/ballot/impl"
)

// BenchmarkFollowerTick measures the simulator's hottest call. It must
// report 0 allocs/op.
func BenchmarkFollowerTick(b *testing.B) {
	m := newTestMachine(b, 0, 5, DefaultConfig(), nil)
	m.Step(msg(1, 0, 1, impl.KindHeartbeat))
	m.Ready()
	m.randomizedTimeout = math.MaxInt // stay a follower: measure the tick, not a campaign
	b.ReportAllocs()
	for b.Loop() {
		m.Tick()
	}
	if m.role != impl.Follower {
		b.Fatalf("left follower: %s", m.Status())
	}
}

// BenchmarkElection5 measures a whole election in a five-node cluster.
func BenchmarkElection5(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		nw := newNetwork(b, 5, DefaultConfig(), uint64(i))
		nw.runUntilLeader(100 * DefaultConfig().ElectionTicks)
	}
}

package sim_test

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
)

// hasher is a Tracer that folds every callback into a hash.
type hasher struct {
	h     hash.Hash
	calls int
}

func (h *hasher) Status(at time.Duration, s impl.Status) {
	h.calls++
	fmt.Fprintf(h.h, "%d S %v\n", at, s)
}

func (h *hasher) Message(at time.Duration, ev sim.MessageEvent, m impl.Message, why string) {
	h.calls++
	fmt.Fprintf(h.h, "%d M %v %v %s\n", at, ev, m, why)
}

func (h *hasher) Topology(at time.Duration, t faults.Topology, node int, why string) {
	h.calls++
	fmt.Fprintf(h.h, "%d T %v %d %s\n", at, t, node, why)
}

func (h *hasher) Incident(in faults.Incident) {
	h.calls++
	fmt.Fprintf(h.h, "%d I %v\n", in.At, in)
}

// scenario runs a fixed sequence of faults: lossy, duplicating, jittery
// links, a partition, a crash and restart, a pause and a skew.
func scenario(t *testing.T, seed uint64) (string, int) {
	h := &hasher{h: sha256.New()}
	s, err := sim.New(sim.Config{
		Nodes: 5, Seed: seed, Factory: beaconFactory(30, 10), Tracer: h,
		Latency: faults.Delay{Dist: faults.Exponential, Base: ms, Spread: 3 * ms, Jitter: ms},
	})
	noErr(t, err)
	s.RunFor(2 * time.Second)
	noErr(t, s.SetRule("lossy", faults.LinkRule{From: faults.AnyNode, To: faults.AnyNode, Drop: 0.2, Duplicate: 0.3,
		Delay: faults.Delay{Dist: faults.Uniform, Spread: 40 * ms}}))
	s.RunFor(3 * time.Second)
	leader, _ := s.Leader()
	s.SetGrudge("split", faults.LeaderMinority(5, leader, s.Rand()))
	s.RunFor(3 * time.Second)
	noErr(t, s.Crash((leader+1)%5))
	noErr(t, s.Pause((leader+2)%5))
	noErr(t, s.Skew((leader+3)%5, 1.5))
	s.RunFor(2 * time.Second)
	s.ClearGrudge("split")
	noErr(t, s.Restart((leader+1)%5))
	noErr(t, s.Resume((leader+2)%5))
	s.RunFor(3 * time.Second)
	s.ClearRule("lossy")
	s.RunFor(2 * time.Second)
	return fmt.Sprintf("%x", h.h.Sum(nil)), h.calls
}

func TestSameSeedSameTrace(t *testing.T) {
	a, calls := scenario(t, 42)
	b, _ := scenario(t, 42)
	c, _ := scenario(t, 43)
	if calls < 1000 {
		t.Fatalf("only %d trace events; the scenario is too quiet to prove anything", calls)
	}
	if a != b {
		t.Errorf("same seed, different traces: %s vs %s", a, b)
	}
	if a == c {
		t.Error("different seeds gave the same trace")
	}
}

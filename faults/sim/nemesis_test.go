package sim_test

import (
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
)

// Every registered fault, played by a random schedule against the
// simulator, ends healed, and the cluster recovers a single leader.
func TestRandomNemesisEndsHealed(t *testing.T) {
	for seed := range uint64(5) {
		s, err := sim.New(sim.Config{Nodes: 5, Seed: seed, Factory: beaconFactory(30, 10)})
		noErr(t, err)
		plan, err := faults.RandomSchedule(s.Rand(), 5, faults.NamesFor(sim.Capabilities()), 2*time.Minute, 4*time.Second)
		noErr(t, err)
		injected := 0
		err = plan.Run(s, s, func(op faults.Op, err error) {
			if err != nil {
				t.Errorf("seed %d: %v: %v", seed, op, err)
			}
			if !op.Heal {
				injected++
			}
		})
		noErr(t, err)
		if injected < 20 {
			t.Errorf("seed %d: only %d faults injected", seed, injected)
		}
		topo := s.Topology()
		live, faulty := topo.Live, topo.Faulty
		if faulty {
			t.Errorf("seed %d: still faulty after the schedule (live %v)", seed, live)
		}
		ok := s.RunUntil(10*time.Second, func() bool { _, ok := s.Leader(); return ok })
		if !ok {
			t.Errorf("seed %d: no leader after healing", seed)
		}
		s.RunFor(time.Second)
		leaders := 0
		for n := range 5 {
			if s.Status(n).Role == impl.Leader {
				leaders++
			}
		}
		if leaders != 1 {
			t.Errorf("seed %d: %d leaders a second after recovery", seed, leaders)
		}
	}
}

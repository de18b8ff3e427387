package raft

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ballot-go/ballot/impl"
)

// timeouts returns the lengths of n successive election timeouts, measured
// in ticks from outside, of a cut-off node that keeps campaigning.
func timeouts(t *testing.T, seed uint64, cfg Config, n int) []int {
	t.Helper()
	m, err := New(impl.MachineConfig{ID: 0, Peers: peersN(3), Storage: impl.NewMemStorage(), Rand: rand.New(rand.NewPCG(seed, 0))}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	ticks := 0
	for len(got) < n {
		m.Tick()
		ticks++
		if len(m.Ready()) > 0 { // a new campaign: the timer fired
			got = append(got, ticks)
			ticks = 0
		}
	}
	return got
}

func TestRandomizedTimeout(t *testing.T) {
	// §5.2: randomized timeout within [E, 2E) and uses only the given Rand:
	// same seed same timeouts.
	for _, preVote := range []bool{false, true} {
		cfg := Config{ElectionTicks: 5, HeartbeatTicks: 1, PreVote: preVote}
		got := timeouts(t, 1, cfg, 2000)
		seen := map[int]bool{}
		for i, d := range got {
			if d < cfg.ElectionTicks || d >= 2*cfg.ElectionTicks {
				t.Fatalf("timeout %d is %d ticks, outside [%d, %d)", i, d, cfg.ElectionTicks, 2*cfg.ElectionTicks)
			}
			seen[d] = true
		}
		if len(seen) != cfg.ElectionTicks {
			t.Fatalf("2000 timeouts took only the values %v of [%d, %d)", seen, cfg.ElectionTicks, 2*cfg.ElectionTicks)
		}
		if again := timeouts(t, 1, cfg, 2000); !slices.Equal(got, again) {
			t.Fatal("same seed, different timeouts")
		}
		if other := timeouts(t, 2, cfg, 2000); slices.Equal(got, other) {
			t.Fatal("different seeds, same timeouts")
		}
	}
}

func TestTimeoutDrawnFromGivenRand(t *testing.T) {
	// The timeout comes from MachineConfig.Rand: a twin generator predicts it.
	cfg := DefaultConfig()
	r := rand.New(rand.NewPCG(99, 1))
	twin := rand.New(rand.NewPCG(99, 1))
	m, err := New(impl.MachineConfig{ID: 0, Peers: peersN(3), Storage: impl.NewMemStorage(), Rand: r}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for range 100 {
		if want := cfg.ElectionTicks + twin.IntN(cfg.ElectionTicks); m.randomizedTimeout != want {
			t.Fatalf("timeout %d, twin generator says %d", m.randomizedTimeout, want)
		}
		m.Step(msg(1, 0, m.term, impl.KindHeartbeat)) // resets the timer
	}
}

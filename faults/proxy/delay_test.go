package proxy

import (
	"slices"
	"testing"
	"time"
)

func TestDelayAddsToEveryChunkBothWays(t *testing.T) {
	l := newLink(t, echoServer(t))
	c := dial(t, l.Addr())
	roundTrip(t, c, "warm")
	const delay = 50 * time.Millisecond
	l.Set(Effect{Delay: delay})
	for range 3 {
		if rtt := roundTrip(t, c, "ping"); rtt < 2*delay || rtt > 2*delay+time.Second {
			t.Fatalf("round trip %v; want at least %v (the delay each way)", rtt, 2*delay)
		}
	}
	l.Set(Effect{})
	if rtt := roundTrip(t, c, "ping"); rtt >= 2*delay {
		t.Fatalf("round trip %v once healed", rtt)
	}
}

func TestJitterStaysWithinItsBounds(t *testing.T) {
	l := newLink(t, echoServer(t))
	c := dial(t, l.Addr())
	const delay, jitter = 20 * time.Millisecond, 40 * time.Millisecond
	l.Set(Effect{Delay: delay, Jitter: jitter})
	for range 5 {
		if rtt := roundTrip(t, c, "ping"); rtt < 2*delay || rtt > 2*(delay+jitter)+time.Second {
			t.Fatalf("round trip %v; want within [%v, %v] and some slack", rtt, 2*delay, 2*(delay+jitter))
		}
	}
}

// Jitter draws differ from one another, and the same seed draws the same
// sequence.
func TestJitterDrawsAreReproducibleFromTheSeed(t *testing.T) {
	draws := func(seed uint64) []time.Duration {
		l, err := ListenSeeded("127.0.0.1:0", "127.0.0.1:1", seed)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		var ds []time.Duration
		for range 100 {
			d := l.jitter.draw(time.Second)
			if d < 0 || d >= time.Second {
				t.Fatalf("draw %v outside [0, 1s)", d)
			}
			ds = append(ds, d)
		}
		return ds
	}
	a, b, other := draws(7), draws(7), draws(8)
	if !slices.Equal(a, b) {
		t.Fatal("the same seed drew different jitter")
	}
	if slices.Equal(a, other) {
		t.Fatal("different seeds drew the same jitter")
	}
	if len(slices.Compact(slices.Sorted(slices.Values(a)))) < 90 {
		t.Fatal("draws repeat: not uniform")
	}
}

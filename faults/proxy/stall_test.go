package proxy

import (
	"net"
	"sync/atomic"
	"testing"
	"time"
)

func TestStallDeliversNothingUntilHealedThenEverything(t *testing.T) {
	var dialled atomic.Int32
	l := newLink(t, startServer(t, func(c net.Conn) {
		dialled.Add(1)
		echo(c)
	}))
	live := dial(t, l.Addr())
	roundTrip(t, live, "before")

	l.Set(Effect{Stall: true})
	live.Write([]byte("held"))
	fresh := dial(t, l.Addr()) // accepted, but as stalled
	fresh.Write([]byte("also held"))
	quiet(t, live, 300*time.Millisecond)
	quiet(t, fresh, 50*time.Millisecond)
	if n := dialled.Load(); n != 1 {
		t.Fatalf("the target saw %d connections; want the one made before the stall", n)
	}

	l.Set(Effect{})
	expect(t, live, "held", patience)
	expect(t, fresh, "also held", patience)
	roundTrip(t, live, "after")
	if s := l.Stats(); s.Live != 2 || dialled.Load() != 2 {
		t.Fatalf("stats %+v, the target saw %d connections; want both open", s, dialled.Load())
	}
}

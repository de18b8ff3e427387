package proxy

import (
	"net"
	"testing"
	"time"
)

func TestHalfOpenKillsLiveConnectionsForeverWhileNewOnesWork(t *testing.T) {
	l := newLink(t, echoServer(t))
	old := dial(t, l.Addr())
	roundTrip(t, old, "before")

	eventually(t, "the first bytes counted", func() bool { return l.Stats().ToTarget == int64(len("before")) })
	l.Set(Effect{HalfOpen: true})
	toTarget := l.Stats().ToTarget
	old.Write([]byte("lost"))
	quiet(t, old, 300*time.Millisecond)
	if s := l.Stats(); s.ToTarget != toTarget || s.Live != 1 {
		t.Fatalf("stats %+v; want nothing delivered, the dead connection open", s)
	}
	fresh := dial(t, l.Addr())
	roundTrip(t, fresh, "new connections work")

	l.Set(Effect{})
	old.Write([]byte("still lost"))
	quiet(t, old, 200*time.Millisecond)
	roundTrip(t, fresh, "and keep working")
}

// A dead connection is freed once both endpoints give up on it: here the
// sender closes, and the target drops the connection after idling.
func TestHalfOpenConnectionIsFreedWhenBothEndpointsGiveUp(t *testing.T) {
	l := newLink(t, startServer(t, echoUntilIdle))
	c := dial(t, l.Addr())
	roundTrip(t, c, "before")
	l.Set(Effect{HalfOpen: true})
	c.Close()
	eventually(t, "the dead connection freed", func() bool { return l.Stats().Live == 0 })
}

// echoUntilIdle echoes, and closes after 200 ms without a byte.
func echoUntilIdle(c net.Conn) {
	buf := make([]byte, 64)
	for {
		c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		n, err := c.Read(buf)
		if err != nil {
			return
		}
		c.Write(buf[:n])
	}
}

// KillLive is a half-open that happens once: it counts what it killed,
// leaves the effect alone, and spares the connections made after it.
func TestKillLiveKillsOnceAndCounts(t *testing.T) {
	l := newLink(t, echoServer(t))
	l.Set(Effect{Delay: time.Millisecond})
	a, b := dial(t, l.Addr()), dial(t, l.Addr())
	roundTrip(t, a, "a")
	roundTrip(t, b, "b")
	if killed := l.KillLive(); killed != 2 {
		t.Fatalf("KillLive killed %d connections; want 2", killed)
	}
	if killed := l.KillLive(); killed != 0 {
		t.Fatalf("a second KillLive killed %d; want 0: they were dead already", killed)
	}
	if e := l.Effect(); e != (Effect{Delay: time.Millisecond}) {
		t.Fatalf("effect %+v after KillLive; want it unchanged", e)
	}
	a.Write([]byte("lost"))
	quiet(t, a, 200*time.Millisecond)
	roundTrip(t, dial(t, l.Addr()), "new connections work")
}

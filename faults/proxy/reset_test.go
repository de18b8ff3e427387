package proxy

import (
	"errors"
	"net"
	"syscall"
	"testing"
)

func TestResetResetsLiveConnectionsAndNewOnesWork(t *testing.T) {
	serverSaw := make(chan error, 1)
	target := startServer(t, func(c net.Conn) {
		buf := make([]byte, 64)
		for {
			n, err := c.Read(buf)
			if err != nil {
				serverSaw <- err
				return
			}
			c.Write(buf[:n])
		}
	})
	l := newLink(t, target)
	c := dial(t, l.Addr())
	roundTrip(t, c, "before")

	l.Set(Effect{Reset: true})
	if err := ended(t, c, patience); !errors.Is(err, syscall.ECONNRESET) {
		t.Fatalf("the sender saw %v; want a reset", err)
	}
	if err := <-serverSaw; !errors.Is(err, syscall.ECONNRESET) {
		t.Fatalf("the target saw %v; want a reset", err)
	}
	roundTrip(t, dial(t, l.Addr()), "after, while still set")
}

package proxy

import (
	"io"
	"net"
	"testing"
)

func TestCutClosesLiveConnectionsAndRefusesNewOnesUntilHealed(t *testing.T) {
	targetSaw := make(chan error, 1)
	l := newLink(t, startServer(t, func(c net.Conn) {
		_, err := io.Copy(c, c)
		if err == nil {
			err = io.EOF
		}
		select {
		case targetSaw <- err:
		default: // only the first connection's end is checked
		}
	}))
	c := dial(t, l.Addr())
	roundTrip(t, c, "before")

	l.Set(Effect{Cut: true})
	ended(t, c, patience)
	if err := <-targetSaw; err != io.EOF {
		t.Fatalf("the target saw %v; want the end of the stream", err)
	}
	refused := dial(t, l.Addr()) // the kernel accepts; the link closes it
	ended(t, refused, patience)
	if s := l.Stats(); s.Refused != 1 || s.Live != 0 {
		t.Fatalf("stats %+v; want 1 refused, none live", s)
	}

	l.Set(Effect{})
	roundTrip(t, dial(t, l.Addr()), "healed")
}

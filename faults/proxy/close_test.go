package proxy

import (
	"testing"
	"time"

	"github.com/ballot-go/ballot/internal/leakcheck"
)

// Close returns promptly with connections in every state (dead, delayed,
// made during a stall by a sender that writes until blocked) and leaves no
// goroutine.
func TestCloseEndsEveryConnectionAndGoroutine(t *testing.T) {
	srv := newServer(t, echo)
	l, err := Listen("127.0.0.1:0", srv.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	dead := dial(t, l.Addr())
	roundTrip(t, dead, "x")
	l.Set(Effect{HalfOpen: true})
	l.Set(Effect{Delay: time.Hour})
	delayed := dial(t, l.Addr())
	delayed.Write([]byte("never"))
	eventually(t, "two live connections", func() bool { return l.Stats().Live == 2 })
	l.Set(Effect{Stall: true})
	stalled := dial(t, l.Addr())
	writing := make(chan struct{})
	go func() { // blocks once the link and the kernel hold all they can
		defer close(writing)
		big := make([]byte, 64<<20)
		stalled.Write(big)
	}()
	eventually(t, "two live connections and one waiting for the stall", func() bool {
		s := l.Stats()
		return s.Live == 2 && s.Accepted == 3
	})
	time.Sleep(100 * time.Millisecond)

	start := time.Now()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > time.Second {
		t.Fatalf("Close took %v", took)
	}
	if err := l.Close(); err != nil {
		t.Fatalf("a second Close: %v", err)
	}
	for _, c := range []interface{ Close() error }{dead, delayed, stalled} {
		c.Close()
	}
	<-writing
	srv.close()
	if s := l.Stats(); s.Live != 0 {
		t.Fatalf("stats %+v after Close", s)
	}
	if left := leakcheck.Leaked(patience); len(left) > 0 {
		t.Fatalf("%d goroutines left after Close, the first: %+v", len(left), left[0])
	}
}

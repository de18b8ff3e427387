package proxy

import (
	"bytes"
	"io"
	"math/rand/v2"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCleanLinkForwardsBothWays(t *testing.T) {
	l := newLink(t, echoServer(t))
	c := dial(t, l.Addr())
	roundTrip(t, c, "hello")
	sent := randomBytes(1 << 20)
	got := streamThrough(t, c, sent)
	if !bytes.Equal(got, sent) {
		t.Fatalf("echoed %d bytes, not the %d sent", len(got), len(sent))
	}
	s := l.Stats()
	want := int64(len(sent) + len("hello"))
	if s.ToTarget != want || s.FromTarget != want || s.Accepted != 1 {
		t.Fatalf("stats %+v; want %d bytes each way over 1 connection", s, want)
	}
}

// streamThrough writes data to c while it reads, half-closes c, and returns
// what came back before the end of the stream: the echo server sees the
// half-close through the link and closes, which comes back as EOF.
func streamThrough(t *testing.T, c *net.TCPConn, data []byte) []byte {
	t.Helper()
	var werr error
	var wg sync.WaitGroup
	wg.Go(func() {
		_, werr = c.Write(data)
		c.CloseWrite()
	})
	c.SetReadDeadline(time.Now().Add(4 * patience))
	got, err := io.ReadAll(c)
	wg.Wait()
	if err != nil || werr != nil {
		t.Fatalf("read %d bytes: %v; write: %v", len(got), err, werr)
	}
	return got
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	r := rand.New(rand.NewPCG(uint64(n), 0))
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func TestManyConnectionsAtOnce(t *testing.T) {
	l := newLink(t, echoServer(t))
	var wg sync.WaitGroup
	for i := range 20 {
		c := dial(t, l.Addr())
		wg.Go(func() {
			for j := range 10 {
				msg := strings.Repeat(string(rune('a'+i)), j+1)
				if _, err := c.Write([]byte(msg)); err != nil {
					t.Error(err)
					return
				}
				got := make([]byte, len(msg))
				c.SetReadDeadline(time.Now().Add(patience))
				if _, err := io.ReadFull(c, got); err != nil || string(got) != msg {
					t.Errorf("got %q, %v; want %q", got, err, msg)
					return
				}
			}
		})
	}
	wg.Wait()
	if s := l.Stats(); s.Accepted != 20 || s.Live != 20 {
		t.Fatalf("stats %+v; want 20 accepted and live", s)
	}
}

// Switching between the fast path and the shaped one mid-stream loses,
// duplicates and reorders nothing.
func TestSwitchingEffectsMidStreamKeepsTheBytes(t *testing.T) {
	l := newLink(t, echoServer(t))
	c := dial(t, l.Addr())
	effects := []Effect{
		{}, {Delay: time.Millisecond}, {}, {BytesPerSecond: 64 << 20},
		{Jitter: 2 * time.Millisecond}, {Stall: true}, {}, {Delay: 500 * time.Microsecond, BytesPerSecond: 32 << 20},
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			l.Set(effects[i%len(effects)])
			select {
			case <-stop:
				l.Set(Effect{})
				return
			case <-time.After(3 * time.Millisecond):
			}
		}
	})
	sent := randomBytes(4 << 20)
	got := streamThrough(t, c, sent)
	close(stop)
	wg.Wait()
	if !bytes.Equal(got, sent) {
		t.Fatalf("echoed %d bytes, not the %d sent, or not in order", len(got), len(sent))
	}
}

func TestTargetDownClosesTheConnection(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := ln.Addr().String()
	ln.Close()
	l := newLink(t, down)
	ended(t, dial(t, l.Addr()), patience)
	eventually(t, "a failed dial counted", func() bool { return l.Stats().Failed == 1 })
}

func TestListenDefaultsToLoopback(t *testing.T) {
	l, err := Listen("", "127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if !strings.HasPrefix(l.Addr(), "127.0.0.1:") || l.Target() != "127.0.0.1:1" {
		t.Fatalf("Addr %s, Target %s", l.Addr(), l.Target())
	}
}

func TestEffectIsWhatWasSetWithNegativesAsZero(t *testing.T) {
	l := newLink(t, "127.0.0.1:1")
	if l.Effect() != (Effect{}) {
		t.Fatalf("a new link's effect is %+v", l.Effect())
	}
	l.Set(Effect{Delay: -time.Second, Jitter: -1, BytesPerSecond: -5, Stall: true})
	if got := l.Effect(); got != (Effect{Stall: true}) {
		t.Fatalf("Effect() = %+v", got)
	}
}

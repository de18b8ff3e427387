package proxy

import (
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"testing"
	"time"
)

// patience bounds every wait for something that should happen; timings on
// a loaded 2-core machine are noisy, so it is generous.
const patience = 5 * time.Second

// server is a TCP server on 127.0.0.1 that runs handle on each connection
// and closes everything when the test ends.
type server struct {
	ln    net.Listener
	wg    sync.WaitGroup
	mu    sync.Mutex
	conns map[net.Conn]struct{}
	once  sync.Once
}

func startServer(t testing.TB, handle func(net.Conn)) string {
	return newServer(t, handle).ln.Addr().String()
}

func newServer(t testing.TB, handle func(net.Conn)) *server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &server{ln: ln, conns: make(map[net.Conn]struct{})}
	s.wg.Go(func() { s.accept(handle) })
	t.Cleanup(s.close)
	return s
}

func (s *server) accept(handle func(net.Conn)) {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.conns[c] = struct{}{}
		s.mu.Unlock()
		s.wg.Go(func() {
			handle(c)
			c.Close()
		})
	}
}

// close closes the listener and every connection, and waits for the
// handlers; only the first call acts.
func (s *server) close() {
	s.once.Do(func() {
		s.ln.Close()
		s.mu.Lock()
		for c := range s.conns {
			c.Close()
		}
		s.mu.Unlock()
		s.wg.Wait()
	})
}

// echo sends back what it reads, until the end of the stream.
func echo(c net.Conn) { io.Copy(c, c) }

func echoServer(t testing.TB) string { return startServer(t, echo) }

func newLink(t testing.TB, target string) *Link {
	t.Helper()
	l, err := ListenSeeded("127.0.0.1:0", target, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func dial(t testing.TB, addr string) *net.TCPConn {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, patience)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c.(*net.TCPConn)
}

// roundTrip writes msg and fails unless it comes back within patience.
func roundTrip(t testing.TB, c net.Conn, msg string) time.Duration {
	t.Helper()
	start := time.Now()
	if _, err := c.Write([]byte(msg)); err != nil {
		t.Fatalf("write: %v", err)
	}
	expect(t, c, msg, patience)
	return time.Since(start)
}

// expect fails unless msg is read from c within d.
func expect(t testing.TB, c net.Conn, msg string, d time.Duration) {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(d))
	defer c.SetReadDeadline(time.Time{})
	got := make([]byte, len(msg))
	if _, err := io.ReadFull(c, got); err != nil {
		t.Fatalf("reading %q: %v (got %q)", msg, err, got)
	}
	if !bytes.Equal(got, []byte(msg)) {
		t.Fatalf("read %q, want %q", got, msg)
	}
}

// quiet fails if anything, even the end of the stream, is read from c
// within d.
func quiet(t testing.TB, c net.Conn, d time.Duration) {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(d))
	defer c.SetReadDeadline(time.Time{})
	buf := make([]byte, 64)
	n, err := c.Read(buf)
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("read %q, %v within %v; want nothing", buf[:n], err, d)
	}
}

// ended fails unless c ends (the end of the stream or a reset) within d,
// and returns how: io.EOF or the error.
func ended(t testing.TB, c net.Conn, d time.Duration) error {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(d))
	buf := make([]byte, 64)
	for {
		n, err := c.Read(buf)
		if n > 0 {
			t.Fatalf("read %q; want the connection to end", buf[:n])
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			t.Fatalf("still open after %v", d)
		}
		if err != nil {
			return err
		}
	}
}

// eventually fails unless cond holds within patience.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not within %v: %s", patience, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

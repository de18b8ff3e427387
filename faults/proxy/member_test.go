package proxy

import (
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ballot-go/ballot/internal/leakcheck"
)

// greeter is a member's target for the tests: each connection starts with
// its dialler's name and a newline (see runDialler), and next hands out the
// connections one name at a time, in the order they came.
type greeter struct {
	ln      net.Listener
	wg      sync.WaitGroup
	mu      sync.Mutex
	byName  map[string][]net.Conn
	all     []net.Conn
	closed  bool
	arrived chan struct{} // signalled on each greeting
}

func newGreeter(t *testing.T) *greeter {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	g := &greeter{ln: ln, byName: make(map[string][]net.Conn), arrived: make(chan struct{}, 1)}
	g.wg.Go(g.accept)
	t.Cleanup(g.close)
	return g
}

func (g *greeter) addr() string { return g.ln.Addr().String() }

func (g *greeter) accept() {
	for {
		c, err := g.ln.Accept()
		if err != nil {
			return
		}
		if !g.keep(c) {
			c.Close()
			return
		}
		g.wg.Go(func() { g.greeted(c) })
	}
}

// keep records c, to be closed by close; false once closed.
func (g *greeter) keep(c net.Conn) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.closed {
		g.all = append(g.all, c)
	}
	return !g.closed
}

// greeted reads c's greeting, one byte at a time so as to read nothing
// past it, and files c under it.
func (g *greeter) greeted(c net.Conn) {
	c.SetReadDeadline(time.Now().Add(patience))
	var name []byte
	b := make([]byte, 1)
	for len(name) < 64 {
		if _, err := c.Read(b); err != nil {
			return // a refused or cut connection, say
		}
		if b[0] == '\n' {
			break
		}
		name = append(name, b[0])
	}
	c.SetReadDeadline(time.Time{})
	g.mu.Lock()
	g.byName[string(name)] = append(g.byName[string(name)], c)
	g.mu.Unlock()
	select {
	case g.arrived <- struct{}{}:
	default:
	}
}

// next returns the oldest connection from name not yet handed out, waiting
// up to patience for one.
func (g *greeter) next(t *testing.T, name string) net.Conn {
	t.Helper()
	deadline := time.After(patience)
	for {
		g.mu.Lock()
		if q := g.byName[name]; len(q) > 0 {
			g.byName[name] = q[1:]
			g.mu.Unlock()
			return q[0]
		}
		g.mu.Unlock()
		select {
		case <-g.arrived:
		case <-deadline:
			t.Fatalf("no connection from %s within %v", name, patience)
		}
	}
}

// latest returns the newest connection from name, after dropping those
// before it: a dialler redials as soon as a connection ends.
func (g *greeter) latest(t *testing.T, name string) net.Conn {
	t.Helper()
	c := g.next(t, name)
	for {
		g.mu.Lock()
		q := g.byName[name]
		if len(q) == 0 {
			g.mu.Unlock()
			return c
		}
		c, g.byName[name] = q[len(q)-1], nil
		g.mu.Unlock()
	}
}

func (g *greeter) close() {
	g.ln.Close()
	g.mu.Lock()
	g.closed = true
	for _, c := range g.all {
		c.Close()
	}
	g.mu.Unlock()
	g.wg.Wait()
}

// pidSenders is an identify that knows the pids it was told.
type pidSenders struct {
	mu   sync.Mutex
	pids map[int]int
}

func (p *pidSenders) add(pid, sender int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.pids == nil {
		p.pids = make(map[int]int)
	}
	p.pids[pid] = sender
}

func (p *pidSenders) identify(pid int) (int, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s, ok := p.pids[pid]
	return s, ok
}

func newMember(t *testing.T, target string, identify func(int) (int, bool)) *Member {
	t.Helper()
	m, err := ListenMember("127.0.0.1:0", target, 1, identify)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

// startSenders starts a dialler process per name, each dialling m, known
// to identify as its index in names.
func startSenders(t *testing.T, m *Member, ids *pidSenders, names ...string) {
	t.Helper()
	for i, name := range names {
		d := startDialler(t, m.Addr(), name)
		ids.add(d.pid(), i)
		d.start(t) // only now: its first connection must be identified
	}
}

// Two processes dial one member proxy; cutting one of them closes its
// connections and refuses its new ones, while the other's traffic flows.
func TestMemberCutsOneSenderAndNotTheOther(t *testing.T) {
	g := newGreeter(t)
	var ids pidSenders
	m := newMember(t, g.addr(), ids.identify)
	startSenders(t, m, &ids, "A", "B")
	a, b := g.next(t, "A"), g.next(t, "B")
	roundTrip(t, a, "to A")
	roundTrip(t, b, "to B")

	m.SetFrom(0, Effect{Cut: true})
	ended(t, a, patience)
	eventually(t, "A's new connections refused", func() bool { return m.Stats().From[0].Refused >= 2 })
	for i := range 5 {
		roundTrip(t, b, "still to B "+string(rune('0'+i)))
	}
	if got := m.EffectFrom(0); !got.Cut {
		t.Fatalf("EffectFrom(0) = %+v; want the cut", got)
	}

	m.SetFrom(0, Effect{})
	roundTrip(t, g.latest(t, "A"), "healed")
	roundTrip(t, b, "and B")
	s := m.Stats()
	if s.Unidentified != 0 || s.From[1].Refused != 0 || s.From[1].Accepted != 1 {
		t.Fatalf("stats %+v; want every connection identified, B's one never refused", s)
	}
}

// A connection whose dialler identify does not know gets UnknownSender's
// effect: here this test's own, while process A is known.
func TestMemberGivesAnUnknownSenderItsOwnEffect(t *testing.T) {
	g := newGreeter(t)
	var ids pidSenders
	m := newMember(t, g.addr(), ids.identify)
	startSenders(t, m, &ids, "A")
	a := g.next(t, "A")
	self := dial(t, m.Addr())
	self.Write([]byte("self\n"))
	passes(t, g.next(t, "self"), self, "unknown")

	m.SetFrom(UnknownSender, Effect{Cut: true})
	ended(t, self, patience)
	roundTrip(t, a, "A is known")
	refused := dial(t, m.Addr())
	ended(t, refused, patience)

	s := m.Stats()
	if s.Unidentified != 2 || s.From[UnknownSender].Refused != 1 || s.From[0].Accepted != 1 {
		t.Fatalf("stats %+v; want 2 unidentified, 1 of them refused, A's served", s)
	}
	wantError(t, s.LastUnidentified, "which identify does not know", "pid "+strconv.Itoa(os.Getpid()))
}

// passes fails unless msg, written on from, is read from to.
func passes(t *testing.T, from, to net.Conn, msg string) {
	t.Helper()
	if _, err := from.Write([]byte(msg)); err != nil {
		t.Fatalf("write: %v", err)
	}
	expect(t, to, msg, patience)
}

// A connection whose process cannot be found is unidentified too.
func TestMemberCountsAConnectionWhoseOwnerIsNotFound(t *testing.T) {
	g := newGreeter(t)
	notFound := errors.New("proxy: no TCP socket from here to there")
	m, err := listenMember("", g.addr(), 1, func(int) (int, bool) { return 0, true },
		func(*net.TCPAddr, *net.TCPAddr) (int, error) { return 0, notFound })
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	m.SetFrom(UnknownSender, Effect{Delay: 50 * time.Millisecond})
	c := dial(t, m.Addr())
	c.Write([]byte("lost\n"))
	start := time.Now()
	passes(t, g.next(t, "lost"), c, "slow")
	if took := time.Since(start); took < 100*time.Millisecond {
		t.Fatalf("the greeting and a reply took %v; want at least twice the unknown sender's delay", took)
	}
	if s := m.Stats(); s.Unidentified != 1 || s.LastUnidentified != notFound || s.From[UnknownSender].Live != 1 {
		t.Fatalf("stats %+v; want one unidentified, live, and why", s)
	}
}

// Each effect reaches the connections of its sender, as through a Link:
// the sender here is this process, identified as 0.
func TestMemberAppliesEveryEffectToItsSender(t *testing.T) {
	self := func(pid int) (int, bool) { return 0, pid == os.Getpid() }
	for _, tc := range []struct {
		name   string
		effect Effect
		check  func(t *testing.T, c net.Conn)
	}{
		{"delay", Effect{Delay: 40 * time.Millisecond}, func(t *testing.T, c net.Conn) {
			if took := roundTrip(t, c, "slow"); took < 80*time.Millisecond {
				t.Fatalf("a round trip took %v; want twice the delay", took)
			}
		}},
		{"stall", Effect{Stall: true}, func(t *testing.T, c net.Conn) {
			c.Write([]byte("held"))
			quiet(t, c, 100*time.Millisecond)
		}},
		{"reset", Effect{Reset: true}, func(t *testing.T, c net.Conn) {
			if err := ended(t, c, patience); !errors.Is(err, syscall.ECONNRESET) {
				t.Fatalf("the connection ended with %v; want a reset", err)
			}
		}},
		{"half-open", Effect{HalfOpen: true}, func(t *testing.T, c net.Conn) {
			c.Write([]byte("lost"))
			quiet(t, c, 100*time.Millisecond)
		}},
		{"bandwidth", Effect{BytesPerSecond: 1000}, func(t *testing.T, c net.Conn) {
			// Pieces of 20 bytes, 20 ms apart; the echo pipelines the way back.
			if took := roundTrip(t, c, strings.Repeat("x", 300)); took < 250*time.Millisecond {
				t.Fatalf("300 bytes each way at 1000 B/s took %v; want about 300ms", took)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMember(t, echoServer(t), self)
			c := dial(t, m.Addr())
			roundTrip(t, c, "before")
			m.SetFrom(0, tc.effect)
			tc.check(t, c)
			m.SetFrom(0, Effect{})
			roundTrip(t, dial(t, m.Addr()), "a new connection after")
			if s := m.Stats(); s.Unidentified != 0 || s.From[0].Accepted != 2 {
				t.Fatalf("stats %+v; want both connections from sender 0", s)
			}
		})
	}
}

// Close returns promptly with connections from several senders, delayed
// and stalled, and leaves no goroutine.
func TestMemberCloseEndsEveryConnectionAndGoroutine(t *testing.T) {
	g := newGreeter(t)
	var ids pidSenders
	ids.add(os.Getpid(), 2)
	m, err := ListenMember("", g.addr(), 1, ids.identify)
	if err != nil {
		t.Fatal(err)
	}
	startSenders(t, m, &ids, "A", "B")
	roundTrip(t, g.next(t, "A"), "a")
	roundTrip(t, g.next(t, "B"), "b")
	m.SetFrom(0, Effect{Delay: time.Hour})
	m.SetFrom(1, Effect{Stall: true})
	self := dial(t, m.Addr())
	self.Write([]byte("self\n"))
	g.next(t, "self")
	eventually(t, "three live connections", func() bool { return m.Stats().Live == 3 })

	start := time.Now()
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > time.Second {
		t.Fatalf("Close took %v", took)
	}
	if err := m.Close(); err != nil {
		t.Fatalf("a second Close: %v", err)
	}
	m.SetFrom(0, Effect{}) // does nothing now
	self.Close()
	g.close()
	if s := m.Stats(); s.Live != 0 {
		t.Fatalf("stats %+v after Close", s)
	}
	if left := leakcheck.Leaked(patience); len(left) > 0 {
		t.Fatalf("%d goroutines left after Close, the first: %+v", len(left), left[0])
	}
}

func TestListenMemberNeedsIdentify(t *testing.T) {
	if _, err := ListenMember("", "127.0.0.1:1", 1, nil); err == nil {
		t.Fatal("no error without identify")
	}
}

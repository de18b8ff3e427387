package proxy

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
)

// UnknownSender is the sender of a Member's connections whose sender could
// not be identified; SetFrom(UnknownSender, e) sets their effect.
const UnknownSender = -1

// Member is a TCP proxy for one member of a cluster, forwarding to its
// address every connection any other member dials, under the effect set
// for the connection's sender. It is for systems that advertise one peer
// address per member (etcd): every peer dials the same address, so a Link
// per ordered pair cannot be put in between, and a proxy that cannot tell
// its callers apart cannot partition them (a peer keeps talking over the
// connection its partner dialled). A Member tells them apart by the
// process that dialled each connection, on the same host: SocketOwner,
// then the caller's identify.
//
// Connections from one sender behave exactly as through a Link with that
// sender's effect: each sender has a Link of its own, without a listener,
// that the Member hands the connections it accepted from it.
type Member struct {
	ln       *net.TCPListener
	target   string
	seed     uint64
	identify func(pid int) (sender int, ok bool)
	owner    func(local, remote *net.TCPAddr) (int, error)

	ctx    context.Context // cancelled by Close: the accept loop's back-off ends
	cancel context.CancelFunc

	mu         sync.Mutex // guards senders, candidates and closed
	senders    map[int]*Link
	candidates func() []int
	closed     bool

	unidentified atomic.Int64
	lastUnknown  atomic.Pointer[error]

	closeOnce sync.Once
	closeErr  error
	wg        sync.WaitGroup // the accept loop and each identification
}

// ListenMember starts a proxy on addr ("" for 127.0.0.1, a free port) for
// the member at target. identify names the sender whose process is pid, or
// says it knows none; it is called once per accepted connection, from a
// goroutine of the connection's own, and must be safe to call concurrently.
// Each sender's jitter draws from a source of its own, derived from seed
// and the sender.
func ListenMember(addr, target string, seed uint64, identify func(pid int) (sender int, ok bool)) (*Member, error) {
	return listenMember(addr, target, seed, identify, nil)
}

// listenMember is ListenMember with the function that finds a connection's
// process given, for tests; nil means m.socketOwner.
func listenMember(addr, target string, seed uint64, identify func(int) (int, bool), owner func(local, remote *net.TCPAddr) (int, error)) (*Member, error) {
	if identify == nil {
		return nil, errors.New("proxy: ListenMember needs identify")
	}
	if addr == "" {
		addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	m := &Member{ln: ln.(*net.TCPListener), target: target, seed: seed, identify: identify,
		ctx: ctx, cancel: cancel, senders: make(map[int]*Link)}
	m.owner = owner
	if owner == nil {
		m.owner = m.socketOwner
	}
	m.wg.Add(1)
	go m.acceptLoop()
	return m, nil
}

// Addr is the address to give every other member as this member's.
func (m *Member) Addr() string { return m.ln.Addr().String() }

// Target is the address the member proxy forwards to.
func (m *Member) Target() string { return m.target }

// SetFrom applies e to the connections from sender, live and new, as
// Link.Set does: Cut closes those live and refuses new ones from sender
// alone. Every sender starts with the zero Effect. After Close it does
// nothing.
func (m *Member) SetFrom(sender int, e Effect) {
	if l := m.link(sender); l != nil {
		l.Set(e)
	}
}

// EffectFrom is the effect set last for sender.
func (m *Member) EffectFrom(sender int) Effect {
	m.mu.Lock()
	l := m.senders[sender]
	m.mu.Unlock()
	if l == nil {
		return Effect{}
	}
	return l.Effect()
}

// SetCandidates makes the member look for the process that dialled a
// connection among pids() first (the members' processes, say), and in every
// process only when none of them holds it. Why: reading every process's
// descriptors took 2 to 3 ms with 72 processes, against 0.25 to 0.35 ms for
// 5 candidates (BenchmarkIdentify), and grows with the host's processes.
func (m *Member) SetCandidates(pids func() []int) {
	m.mu.Lock()
	m.candidates = pids
	m.mu.Unlock()
}

// Close closes the listener and every connection, and returns once every
// goroutine of the member has exited. It waits for the identifications in
// progress, which call identify and the candidates' function: do not hold
// a lock they take while calling Close. It is idempotent; it returns the
// listener's close error.
func (m *Member) Close() error {
	m.closeOnce.Do(func() {
		m.mu.Lock()
		m.closed = true // no sender's Link is made or handed a connection from now on
		m.mu.Unlock()
		m.closeErr = m.ln.Close()
		m.cancel()
		m.wg.Wait() // every handoff to a sender's Link is done: they can close
		for _, l := range m.senders {
			l.Close()
		}
	})
	return m.closeErr
}

// link returns sender's Link, made on first use; nil once closed.
func (m *Member) link(sender int) *Link {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil
	}
	l := m.senders[sender]
	if l == nil {
		l = makeLink(nil, m.target, m.seed, senderStream(sender))
		m.senders[sender] = l
	}
	return l
}

// senderStream is the PCG stream of sender's jitter source: distinct for
// each sender, so that one sender's traffic does not move another's draws.
func senderStream(sender int) uint64 { return jitterStream + uint64(sender+1) }

// acceptLoop accepts until Close, as a Link's does, and identifies each
// connection's sender in a goroutine of its own, so that a slow scan of
// /proc does not hold up the next accept.
func (m *Member) acceptLoop() {
	defer m.wg.Done()
	acceptEach(m.ctx, m.ln, func(c *net.TCPConn) { m.wg.Go(func() { m.dispatch(c) }) })
}

// dispatch hands c to its sender's Link.
func (m *Member) dispatch(c *net.TCPConn) {
	l := m.link(m.sender(c))
	if l == nil { // closed while identifying
		c.Close()
		return
	}
	l.admit(c)
}

// sender identifies the sender of c, or returns UnknownSender and counts
// it, keeping why.
func (m *Member) sender(c *net.TCPConn) int {
	pid, err := m.owner(c.LocalAddr().(*net.TCPAddr), c.RemoteAddr().(*net.TCPAddr))
	if err == nil {
		sender, ok := m.identify(pid)
		if ok {
			return sender
		}
		err = fmt.Errorf("proxy: the connection from %v was dialled by pid %d, which identify does not know", c.RemoteAddr(), pid)
	}
	m.unidentified.Add(1)
	m.lastUnknown.Store(&err)
	return UnknownSender
}

// socketOwner finds the process that dialled a connection, among the
// candidates first if there are any.
func (m *Member) socketOwner(local, remote *net.TCPAddr) (int, error) {
	m.mu.Lock()
	candidates := m.candidates
	m.mu.Unlock()
	if candidates != nil {
		if pids := candidates(); len(pids) > 0 {
			if pid, err := SocketOwnerAmong(local, remote, pids); err == nil {
				return pid, nil
			}
		}
	}
	return SocketOwner(local, remote)
}

// MemberStats counts what a Member did since it started: the sum over its
// senders, and each sender's own.
type MemberStats struct {
	Stats // every sender's, summed; a connection counts once its sender is identified
	// Unidentified counts the connections whose sender could not be
	// identified, which were given UnknownSender's effect.
	Unidentified int64
	// LastUnidentified says why the last of them was not, or is nil.
	LastUnidentified error
	// From is each sender's Stats, UnknownSender's included, for every
	// sender that was set an effect or sent a connection.
	From map[int]Stats
}

// Stats counts connections and bytes, per sender and in all.
func (m *Member) Stats() MemberStats {
	m.mu.Lock()
	links := make(map[int]*Link, len(m.senders))
	for s, l := range m.senders {
		links[s] = l
	}
	m.mu.Unlock()
	ms := MemberStats{Unidentified: m.unidentified.Load(), From: make(map[int]Stats, len(links))}
	if err := m.lastUnknown.Load(); err != nil {
		ms.LastUnidentified = *err
	}
	for s, l := range links {
		st := l.Stats()
		ms.From[s] = st
		ms.Accepted += st.Accepted
		ms.Refused += st.Refused
		ms.Failed += st.Failed
		ms.Live += st.Live
		ms.ToTarget += st.ToTarget
		ms.FromTarget += st.FromTarget
	}
	return ms
}

package proxy

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// Link forwards every TCP connection accepted on its own address to Target,
// copying both ways, under its current Effect. It stands for one ordered
// link i->j: node i is given Addr in place of node j's address, so cutting
// the link touches only what i dials to j.
type Link struct {
	ln     *net.TCPListener
	target string
	state  atomic.Pointer[state]
	jitter jitter
	stats  counters

	// ctx is cancelled by Close, so that a dial in progress gives up.
	ctx    context.Context
	cancel context.CancelFunc

	mu     sync.Mutex // guards conns and closed, and orders Set with register
	conns  map[*conn]struct{}
	closed bool

	closeOnce sync.Once
	closeErr  error
	wg        sync.WaitGroup // every goroutine of the link, awaited by Close
}

// DefaultAddr is where Listen listens when given "": loopback, a free port.
const DefaultAddr = "127.0.0.1:0"

// dialTimeout bounds a dial to the target; Close cancels it sooner.
const dialTimeout = 5 * time.Second

// Listen starts a link on addr ("127.0.0.1:0" picks a port; "" means
// that) forwarding to target. It is ListenSeeded with seed 0.
func Listen(addr, target string) (*Link, error) { return ListenSeeded(addr, target, 0) }

// ListenSeeded starts a link whose jitter is drawn from seed, so that a run
// that derives every link's seed from its own draws the same jitter. Give
// each link of a run its own seed: links with one seed draw alike. The
// target need not be up yet; it is dialled once per accepted connection.
func ListenSeeded(addr, target string, seed uint64) (*Link, error) {
	if addr == "" {
		addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	l := makeLink(ln.(*net.TCPListener), target, seed, jitterStream)
	l.wg.Add(1)
	go l.acceptLoop()
	return l, nil
}

// makeLink is a link on ln, not yet accepting, whose jitter draws from the
// PCG stream of seed. A nil ln makes a link that another's listener hands
// connections to (admit): a Member's link for one sender.
func makeLink(ln *net.TCPListener, target string, seed, stream uint64) *Link {
	ctx, cancel := context.WithCancel(context.Background())
	l := &Link{
		ln:     ln,
		target: target,
		jitter: jitter{r: rand.New(rand.NewPCG(seed, stream))},
		ctx:    ctx,
		cancel: cancel,
		conns:  make(map[*conn]struct{}),
	}
	l.state.Store(newState(Effect{}))
	return l
}

// Addr is the address to give the sender.
func (l *Link) Addr() string { return l.ln.Addr().String() }

// Target is the address the link forwards to.
func (l *Link) Target() string { return l.target }

// Effect is the effect set last.
func (l *Link) Effect() Effect { return l.state.Load().effect }

// Set applies e now, to live connections and to new ones: to every byte
// the link reads after Set returns. A chunk it was writing on the fast path
// (at most 64 KiB a direction, to a receiver slow to read) may still be
// delivered, and chunks already held for a delay keep the delay they were
// given, like packets in flight.
func (l *Link) Set(e Effect) {
	e = e.normalized()
	l.mu.Lock()
	defer l.mu.Unlock()
	old := l.state.Swap(newState(e))
	close(old.changed)
	if e.HalfOpen && !e.Cut && !e.Reset {
		l.killConns()
		return
	}
	for c := range l.conns {
		if e.Cut || e.Reset {
			c.abort(e.Reset)
			delete(l.conns, c) // gone now, for Stats.Live, though serve ends later
		}
	}
}

// Close closes the listener and every connection, and returns once every
// goroutine of the link has exited. It is idempotent; it returns the
// listener's close error.
func (l *Link) Close() error {
	l.closeOnce.Do(func() {
		l.mu.Lock()
		l.closed = true
		for c := range l.conns {
			c.abort(false)
		}
		l.mu.Unlock()
		if l.ln != nil {
			l.closeErr = l.ln.Close()
		}
		l.cancel()
		l.wg.Wait()
	})
	return l.closeErr
}

// acceptLoop admits every connection accepted on the link's address, until
// Close.
func (l *Link) acceptLoop() {
	defer l.wg.Done()
	acceptEach(l.ctx, l.ln, l.admit)
}

// admit takes a connection accepted for the link: refused at once when the
// link is cut, else served.
func (l *Link) admit(c *net.TCPConn) {
	l.stats.accepted.Add(1)
	if l.state.Load().effect.Cut {
		l.refuse(c)
		return
	}
	l.wg.Add(1)
	go l.serve(c)
}

// acceptEach hands each connection accepted on ln to handle, until ln is
// closed or ctx is done. It backs off on errors such as running out of
// file descriptors, as net/http does, instead of spinning.
func acceptEach(ctx context.Context, ln *net.TCPListener, handle func(*net.TCPConn)) {
	var backoff time.Duration
	for {
		c, err := ln.AcceptTCP()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			backoff = min(max(2*backoff, 5*time.Millisecond), time.Second)
			if !sleepCtx(ctx, backoff) {
				return
			}
			continue
		}
		backoff = 0
		handle(c)
	}
}

// sleepCtx waits d, or until ctx is done; false if it is.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// serve dials the target for one accepted connection and forwards until
// both directions are done. During a stall it waits to dial: the target
// sees no connection until the stall is healed, as no SYN would cross a
// blackhole (the sender's connect does complete, on the link's listener).
func (l *Link) serve(client *net.TCPConn) {
	defer l.wg.Done()
	st, ok := l.awaitUnstalled(l.ctx.Done())
	if !ok || st.effect.Cut {
		if ok {
			l.refuse(client)
		}
		client.Close()
		return
	}
	server, err := l.dial()
	if err != nil {
		if l.ctx.Err() == nil { // not just Close cancelling the dial
			l.stats.failed.Add(1)
		}
		client.Close()
		return
	}
	c := newConn(l, client, server)
	if !l.register(c) {
		c.abort(false)
		return
	}
	c.run()
	l.deregister(c)
}

func (l *Link) dial() (*net.TCPConn, error) {
	d := net.Dialer{Timeout: dialTimeout}
	nc, err := d.DialContext(l.ctx, "tcp", l.target)
	if err != nil {
		return nil, err
	}
	return nc.(*net.TCPConn), nil
}

// register adds c to the live connections, unless the link was closed or
// cut while c was dialling (a cut counts it as refused).
func (l *Link) register(c *conn) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return false
	}
	if l.state.Load().effect.Cut {
		l.stats.refused.Add(1)
		return false
	}
	l.conns[c] = struct{}{}
	return true
}

func (l *Link) deregister(c *conn) {
	l.mu.Lock()
	delete(l.conns, c)
	l.mu.Unlock()
}

func (l *Link) live() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.conns)
}

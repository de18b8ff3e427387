package tcpnode

import (
	"context"
	"net"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

const (
	// linkQueue bounds the messages waiting for one peer's connection.
	linkQueue = 64
	// dialTimeout and writeTimeout bound a peer that does not answer; the
	// message at hand is lost and the link starts over.
	dialTimeout  = 500 * time.Millisecond
	writeTimeout = time.Second
	// minRedial and maxRedial bound the wait between two dials.
	minRedial = 10 * time.Millisecond
	maxRedial = 500 * time.Millisecond
)

// link carries this node's messages to one peer, over a connection it
// dials itself to the address it was given for the peer: the fault proxy
// of that one link, under ballot.
type link struct {
	peer  int
	addr  string
	queue chan impl.Message
	log   hclog.Logger
}

func newLink(peer int, addr string, log hclog.Logger) *link {
	return &link{peer: peer, addr: addr, queue: make(chan impl.Message, linkQueue), log: log.With("peer", peer, "addr", addr)}
}

// offer queues m, or drops it if the queue is full: the election tolerates
// loss, and a message that waits too long means nothing anymore.
func (l *link) offer(m impl.Message) {
	select {
	case l.queue <- m:
	default:
		l.log.Debug("queue full: message dropped", "message", m.String())
	}
}

// run dials, sends, and dials again when the connection breaks, until ctx
// ends. Between dials, what is offered is dropped, not kept for later.
func (l *link) run(ctx context.Context) {
	wait := newBackoff(minRedial, maxRedial)
	dialer := net.Dialer{Timeout: dialTimeout}
	for ctx.Err() == nil {
		conn, err := dialer.DialContext(ctx, "tcp", l.addr)
		if err == nil {
			wait.reset()
			l.log.Debug("connected")
			l.pump(ctx, conn)
		} else {
			l.log.Debug("dial failed", "error", err)
		}
		l.dropFor(ctx, wait.next())
	}
}

// dropFor discards what is offered for d, or until ctx ends.
func (l *link) dropFor(ctx context.Context, d time.Duration) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
			return
		case <-l.queue:
		}
	}
}

// pump writes queued messages to conn until a write fails, the peer closes
// conn, its acks stop (see acks), or ctx ends; then it closes conn.
func (l *link) pump(ctx context.Context, conn net.Conn) {
	closed := make(chan struct{})
	a := &acks{}
	go readAcks(conn, a, closed)
	defer func() {
		conn.Close()
		<-closed // readAcks has returned: no goroutine outlives the connection
	}()
	check := time.NewTicker(ackTimeout / 4)
	defer check.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-closed:
			l.log.Debug("the peer closed the connection")
			return
		case now := <-check.C:
			if a.dead(now) {
				l.log.Debug("no ack for a while: the connection is dead; dialling again", "timeout", ackTimeout)
				return
			}
		case m := <-l.queue:
			if err := write(conn, m); err != nil {
				l.log.Debug("write failed: message dropped", "message", m.String(), "error", err)
				return
			}
			a.wrote(time.Now())
		}
	}
}

// readAcks reads conn until it ends, noting when acks arrive, so that a
// peer that closes its side is noticed before the next message is lost on
// it, and one that writes back cannot fill a buffer. It closes closed when
// done.
func readAcks(conn net.Conn, a *acks, closed chan<- struct{}) {
	defer close(closed)
	buf := make([]byte, 512)
	for {
		n, err := conn.Read(buf)
		if n > 0 {
			a.read(time.Now())
		}
		if err != nil {
			return
		}
	}
}

func write(conn net.Conn, m impl.Message) error {
	if err := conn.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
		return err
	}
	_, err := conn.Write(encode(m))
	return err
}

package tcpnode

import (
	"net"
	"sync/atomic"
	"time"
)

// A connection can die without closing: a middlebox forgets it, or a
// fault leaves it half-open. Writes still succeed and TCP keepalive may
// still be answered, so only the application can notice. So a receiver
// writes a newline back for every line it reads, an ack; a sender that
// has written a line and read nothing back for ackTimeout takes the
// connection for dead, closes it and dials again.
//
// A sender judges only a connection that has acked before: a peer written
// to an older version of the wire format, which never acks, is never
// taken for dead.
const (
	// ackTimeout is well above a round trip under ballot's delays, and
	// well below its 5 s re-election bound: a dead link is replaced in
	// time for the cluster to settle.
	ackTimeout = 2 * time.Second
	// ackWriteTimeout bounds an ack to a sender that does not read them;
	// after one times out, that connection gets no more.
	ackWriteTimeout = 100 * time.Millisecond
)

var ack = []byte("\n")

// acks is what a sender knows of one connection's acks. last is written by
// the reader of the connection; pending belongs to the pump.
type acks struct {
	last    atomic.Int64 // UnixNano of the last bytes read back; 0 for none yet
	pending time.Time    // the first write since the last ack; zero for none
}

// read notes bytes read back at now.
func (a *acks) read(now time.Time) { a.last.Store(now.UnixNano()) }

// wrote notes a line written at now: it is pending unless an older write
// still waits for its ack.
func (a *acks) wrote(now time.Time) {
	if a.pending.IsZero() || a.last.Load() >= a.pending.UnixNano() {
		a.pending = now
	}
}

// dead reports whether the connection has acked before, and a line written
// since its last ack has waited longer than ackTimeout.
func (a *acks) dead(now time.Time) bool {
	last := a.last.Load()
	return last != 0 && !a.pending.IsZero() && last < a.pending.UnixNano() && now.Sub(a.pending) > ackTimeout
}

// acker writes the receiver's acks on one inbound connection.
type acker struct {
	conn   net.Conn
	broken bool
}

// ack acknowledges one line read, unless an ack timed out before.
func (k *acker) ack() {
	if k.broken {
		return
	}
	k.conn.SetWriteDeadline(time.Now().Add(ackWriteTimeout))
	if _, err := k.conn.Write(ack); err != nil {
		k.broken = true
	}
}

package tcpnode

import (
	"errors"
	"net"
	"sync"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

// inboxSize bounds the messages waiting for the loop. A full inbox drops
// what arrives, as a congested network would, so a flood from one peer
// cannot grow the node's memory.
const inboxSize = 256

// inbound accepts peers' connections and turns their lines into messages
// for the loop. It writes nothing back but acks (see acks): anything for a
// peer goes out on the connection this node dialled to it, through the
// fault proxy of that link.
type inbound struct {
	ln     net.Listener
	accept func(impl.Message) error // nil if m is for this node from a peer
	inbox  chan impl.Message
	log    hclog.Logger

	mu     sync.Mutex
	conns  map[net.Conn]struct{}
	closed bool
	wg     sync.WaitGroup // the accept loop and one reader per connection
}

func newInbound(ln net.Listener, accept func(impl.Message) error, log hclog.Logger) *inbound {
	in := &inbound{ln: ln, accept: accept, inbox: make(chan impl.Message, inboxSize), log: log, conns: map[net.Conn]struct{}{}}
	in.wg.Go(in.acceptLoop)
	return in
}

// acceptLoop runs until the listener is closed. Other accept errors (out
// of file descriptors, say) pass, so it waits a little and tries again.
func (in *inbound) acceptLoop() {
	wait := newBackoff(5*time.Millisecond, time.Second)
	for {
		conn, err := in.ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return
		}
		if err != nil {
			in.log.Warn("accepting a peer's connection", "error", err)
			time.Sleep(wait.next())
			continue
		}
		wait.reset()
		in.track(conn)
	}
}

// track starts a reader for conn, unless close has begun.
func (in *inbound) track(conn net.Conn) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.closed {
		conn.Close()
		return
	}
	in.conns[conn] = struct{}{}
	in.wg.Go(func() { in.read(conn) })
}

// read turns conn's lines into messages until conn ends.
func (in *inbound) read(conn net.Conn) {
	defer in.untrack(conn)
	garbage := garbageLog{log: in.log.With("remote", conn.RemoteAddr().String())}
	acks := acker{conn: conn}
	err := readLines(conn, func(line []byte, err error) {
		if err == nil {
			acks.ack()
			err = in.offer(line)
		}
		if err != nil {
			garbage.report(line, err)
		}
	})
	in.log.Debug("a peer's connection ended", "remote", conn.RemoteAddr().String(), "error", err)
}

// offer decodes line and queues it for the loop, or says why not. A full
// inbox is no fault of the line's: the message is dropped quietly.
func (in *inbound) offer(line []byte) error {
	m, err := decode(line)
	if err == nil {
		err = in.accept(m)
	}
	if err != nil {
		return err
	}
	select {
	case in.inbox <- m:
	default:
		in.log.Debug("inbox full: message dropped", "message", m.String())
	}
	return nil
}

func (in *inbound) untrack(conn net.Conn) {
	conn.Close()
	in.mu.Lock()
	defer in.mu.Unlock()
	delete(in.conns, conn)
}

// close stops accepting, closes every connection and waits for every
// goroutine of in to end.
func (in *inbound) close() {
	in.ln.Close()
	in.mu.Lock()
	in.closed = true
	for conn := range in.conns {
		conn.Close()
	}
	in.mu.Unlock()
	in.wg.Wait()
}

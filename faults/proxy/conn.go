package proxy

import (
	"net"
	"sync"
	"sync/atomic"
)

// conn is one forwarded connection: the sender's side (client) and the
// link's own connection to the target (server), with a pipe each way.
type conn struct {
	link           *Link
	client, server *net.TCPConn
	dead           atomic.Bool   // killed by HalfOpen: delivers nothing, ever
	done           chan struct{} // closed by abort: every pump gives up
	once           sync.Once
}

func newConn(l *Link, client, server *net.TCPConn) *conn {
	return &conn{link: l, client: client, server: server, done: make(chan struct{})}
}

// run forwards both ways and returns when both directions are done, then
// closes both sides.
func (c *conn) run() {
	up := newPipe(c, c.client, c.server, &c.link.stats.toTarget)
	down := newPipe(c, c.server, c.client, &c.link.stats.fromTarget)
	var wg sync.WaitGroup
	for _, f := range []func(){up.read, up.write, down.read, down.write} {
		wg.Go(f)
	}
	wg.Wait()
	c.abort(false)
}

// abort closes both sides at once, with an RST each way when rst is set,
// and stops every pump. Only the first call acts.
func (c *conn) abort(rst bool) {
	c.once.Do(func() {
		if rst {
			c.resetOnClose()
		}
		c.client.Close()
		c.server.Close()
		close(c.done)
	})
}

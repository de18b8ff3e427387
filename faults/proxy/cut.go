package proxy

import "net"

// A cut link refuses connections by accepting and closing them at once: the
// sender's connect succeeds (the kernel completed the handshake before the
// link saw it) and its first read finds the end of the stream, as when a
// peer's process is down behind a listening load balancer. Live connections
// are closed by Set (conn.abort), both sides at once.
func (l *Link) refuse(c *net.TCPConn) {
	l.stats.refused.Add(1)
	c.Close()
}

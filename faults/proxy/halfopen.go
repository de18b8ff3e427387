package proxy

// kill makes c a dead connection (Effect.HalfOpen): from the next chunk on
// nothing is delivered either way, and nothing is closed. Its readers keep
// reading, and drop what they read (pipe.forward), so that the link notices
// when an endpoint gives up on the connection, and frees it once both have.
// It reports whether c was alive until now.
func (c *conn) kill() bool { return !c.dead.Swap(true) }

// KillLive leaves every live connection of the link half-open, as a Set
// with Effect.HalfOpen does, but once, without changing the link's effect:
// the connections made afterwards work. It returns how many it killed, so
// a report can say what the fault touched.
func (l *Link) KillLive() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.killConns()
}

// killConns kills the live connections; called with l.mu held.
func (l *Link) killConns() int {
	killed := 0
	for c := range l.conns {
		if c.kill() {
			killed++
		}
	}
	return killed
}

// KillLiveFrom leaves the live connections from sender half-open, once
// (see Link.KillLive), and returns how many it killed.
func (m *Member) KillLiveFrom(sender int) int {
	if l := m.link(sender); l != nil {
		return l.KillLive()
	}
	return 0
}

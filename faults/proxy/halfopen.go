package proxy

// kill makes c a dead connection (Effect.HalfOpen): from the next chunk on
// nothing is delivered either way, and nothing is closed. Its readers keep
// reading, and drop what they read (pipe.forward), so that the link notices
// when an endpoint gives up on the connection, and frees it once both have.
func (c *conn) kill() { c.dead.Store(true) }

package proxy

import (
	"errors"
	"syscall"
)

// resetOnClose makes the coming Close of both sides send an RST instead of
// a FIN: SO_LINGER with a zero timeout drops whatever is unsent too.
func (c *conn) resetOnClose() {
	c.client.SetLinger(0)
	c.server.SetLinger(0)
}

// isReset reports whether err is a reset from the other end, which the link
// passes on as a reset of the other side rather than a plain close.
func isReset(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

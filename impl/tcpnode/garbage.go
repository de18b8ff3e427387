package tcpnode

import (
	"github.com/hashicorp/go-hclog"
)

// garbageLogLimit is how many bad lines a connection gets logged; a peer
// that sends nothing else would otherwise flood the log.
const garbageLogLimit = 20

// garbageLog logs the bad lines of one connection, up to the limit.
type garbageLog struct {
	log  hclog.Logger
	seen int
}

func (g *garbageLog) report(line []byte, err error) {
	g.seen++
	switch {
	case g.seen <= garbageLogLimit:
		g.log.Warn("ignoring a line that is not a message for this node", "line", excerpt(line), "error", err)
	case g.seen == garbageLogLimit+1:
		g.log.Warn("more bad lines on this connection; no longer logging them")
	}
}

// excerpt is the start of line, enough to recognise it.
func excerpt(line []byte) string {
	const most = 120
	if len(line) > most {
		return string(line[:most]) + "..."
	}
	return string(line)
}

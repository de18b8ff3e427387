package checker

import "github.com/ballot-go/ballot/impl"

// leaderClaim reports whether e shows a node leading a term: an observation
// with role Leader, or a heartbeat it sent (only a leader sends heartbeats,
// so the wire is evidence even when observations are sparse or polled).
func leaderClaim(e *Event) (node int, term uint64, ok bool) {
	switch {
	case e.Type == Observe && e.Status.Role == impl.Leader:
		return e.Node, e.Status.Term, true
	case e.Type == Send && e.Msg.Kind == impl.KindHeartbeat:
		return e.Msg.From, e.Msg.Term, true
	}
	return 0, 0, false
}

// lastClaim remembers the last term a node was seen leading, so that the
// heartbeats of a steady leader, most of a history, cost no map lookup.
type lastClaim struct {
	term uint64
	seen bool
}

// repeat reports whether term is the one last claimed, and records it.
func (c *lastClaim) repeat(term uint64) bool {
	if c.seen && c.term == term {
		return true
	}
	c.term, c.seen = term, true
	return false
}

func claimHow(e *Event) string {
	if e.Type == Observe {
		return "observed as leader"
	}
	return "sent a heartbeat"
}

// hasWire reports whether the history records any message at all.
func hasWire(h History) bool {
	for i := range h.Events {
		switch h.Events[i].Type {
		case Send, Deliver, Drop:
			return true
		}
	}
	return false
}

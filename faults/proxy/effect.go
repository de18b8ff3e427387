package proxy

import "time"

// Effect is what a Link does to the connections it forwards. The zero
// Effect is a clean link. Fields compose: Cut, Reset and HalfOpen act on the
// connections live when Set is called (Cut and Reset end them, Reset with an
// RST; HalfOpen kills them silently when neither ends them); Cut also
// refuses new connections; Stall, Delay, Jitter and BytesPerSecond shape
// every chunk of the connections that stay open. Negative durations and
// rates count as zero.
type Effect struct {
	// Cut closes the live connections, both ways at once, and refuses new
	// ones (accepts and closes them at once) until a Set without Cut heals
	// the link. A close is a FIN, or an RST where the kernel still held
	// bytes the link had not read.
	Cut bool
	// Stall delivers nothing either way, while connections stay open. Bytes
	// are held, not dropped: in the link (at most queueLen chunks per
	// direction) and then in the kernel's socket buffers, so a sender that
	// keeps writing eventually blocks, as over a real blackhole where TCP
	// retransmits. When the stall is healed they are delivered, in order.
	// A connection made during a stall reaches the link's listener, but
	// the target sees it only once the stall is healed.
	Stall bool
	// Reset resets (RST) the connections live when Set is called; new
	// connections work. Every Set whose Effect has Reset resets again.
	Reset bool
	// HalfOpen kills the connections live when Set is called: from then on
	// they deliver nothing either way, forever, even once healed, and never
	// close on their own, while new connections are accepted and work (the
	// dead pooled connection of openraft#1770). Bytes sent on a dead
	// connection are read and dropped, so that the link notices when both
	// endpoints give up on it and frees it. The link's own sockets stay
	// open, so the endpoints' TCP keepalive probes are answered: only an
	// application timeout notices.
	HalfOpen bool
	// Delay is added to every chunk forwarded, from the moment the link
	// read it, in each direction (a round trip pays it twice). Connecting
	// is not delayed.
	Delay time.Duration
	// Jitter adds a uniform random extra in [0, Jitter) per chunk, drawn
	// from the link's seeded source. A connection's bytes are never
	// reordered: a chunk drawn shorter than its predecessor's waits for it.
	Jitter time.Duration
	// BytesPerSecond caps each direction of each connection; 0 is
	// unlimited.
	BytesPerSecond int
}

// normalized returns e with negative durations and rates set to zero.
func (e Effect) normalized() Effect {
	e.Delay = max(e.Delay, 0)
	e.Jitter = max(e.Jitter, 0)
	e.BytesPerSecond = max(e.BytesPerSecond, 0)
	return e
}

// shapes reports whether e acts on every chunk. When it does not, a
// chunk takes the fast path (see pipe); Cut, Reset and HalfOpen act once,
// on Set, and need no chunk-by-chunk work.
func (e Effect) shapes() bool {
	return e.Stall || e.Delay > 0 || e.Jitter > 0 || e.BytesPerSecond > 0
}

// state is one Effect as the pumps see it. Set replaces it whole and closes
// the old one's changed, which wakes every pump that waits on it: a stall
// healed, say.
type state struct {
	effect  Effect
	shaped  bool
	changed chan struct{}
}

func newState(e Effect) *state {
	return &state{effect: e, shaped: e.shapes(), changed: make(chan struct{})}
}

package proxy

import (
	"math/rand/v2"
	"sync"
	"time"
)

// jitterStream is the PCG stream of every link's jitter source: a link's
// draws depend on its seed alone.
const jitterStream = 0x70726f7879 // "proxy"

// jitter is a link's seeded source. Its draws come in a reproducible
// sequence; which chunk gets which draw depends on how the kernel splits a
// connection's bytes into reads, and, across connections, on scheduling.
type jitter struct {
	mu sync.Mutex
	r  *rand.Rand
}

// draw is uniform in [0, upTo); zero, with no draw, when upTo is zero.
func (j *jitter) draw(upTo time.Duration) time.Duration {
	if upTo <= 0 {
		return 0
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	return time.Duration(j.r.Int64N(int64(upTo)))
}

// due is when a chunk read now may be written under e: the zero time when
// e adds no delay, so that the writer does not wait at all.
func (l *Link) due(e Effect) time.Time {
	if e.Delay == 0 && e.Jitter == 0 {
		return time.Time{}
	}
	return time.Now().Add(e.Delay + l.jitter.draw(e.Jitter))
}

// sleepUntil waits until t; false if the connection was aborted first.
func (w *writer) sleepUntil(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	d := time.Until(t)
	if d <= 0 {
		return true
	}
	w.timer.Reset(d)
	select {
	case <-w.timer.C:
		return true
	case <-w.p.c.done:
		w.timer.Stop()
		return false
	}
}

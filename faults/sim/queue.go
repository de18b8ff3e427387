package sim

import (
	"slices"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// envelope is a message in flight.
type envelope struct {
	at  time.Duration
	seq uint64 // tie-breaker: equal times deliver in send order
	msg impl.Message
}

func (e *envelope) before(o *envelope) bool {
	return e.at < o.at || (e.at == o.at && e.seq < o.seq)
}

// queue is a binary min-heap of envelopes by (at, seq), written out rather
// than using container/heap so that push and pop neither box nor allocate
// once the backing array has grown.
type queue []envelope

func (q *queue) push(e envelope) {
	*q = append(*q, e)
	h := *q
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !e.before(&h[p]) {
			break
		}
		h[i] = h[p]
		i = p
	}
	h[i] = e
}

// pop removes and returns the earliest envelope; q must not be empty.
func (q *queue) pop() envelope {
	h := *q
	top := h[0]
	last := len(h) - 1
	e := h[last]
	h[last] = envelope{} // let the GC have the Body
	*q = h[:last]
	if last > 0 {
		(*q).siftDown(0, e)
	}
	return top
}

// siftDown places e at i or below, restoring the heap property.
func (q queue) siftDown(i int, e envelope) {
	n := len(q)
	for {
		c := 2*i + 1
		if c >= n {
			break
		}
		if r := c + 1; r < n && q[r].before(&q[c]) {
			c = r
		}
		if !q[c].before(&e) {
			break
		}
		q[i] = q[c]
		i = c
	}
	q[i] = e
}

// removeIf takes out every envelope for which cut is true and returns them
// in delivery order; the rest stay queued.
func (q *queue) removeIf(cut func(*impl.Message) bool) []envelope {
	h := *q
	var removed []envelope
	kept := h[:0]
	for i := range h {
		if cut(&h[i].msg) {
			removed = append(removed, h[i])
		} else {
			kept = append(kept, h[i])
		}
	}
	clear(h[len(kept):])
	*q = kept
	for i := len(kept)/2 - 1; i >= 0; i-- {
		kept.siftDown(i, kept[i])
	}
	sortEnvelopes(removed)
	return removed
}

func sortEnvelopes(es []envelope) {
	slices.SortFunc(es, func(a, b envelope) int {
		if a.before(&b) {
			return -1
		}
		return 1 // seq is unique, so a and b are never equal
	})
}

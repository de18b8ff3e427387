package tcpnode

import "time"

// backoff is a wait that doubles from min to max, so that a peer that is
// down is not dialled in a tight loop and one that comes back is found
// within max.
type backoff struct {
	min, max, cur time.Duration
}

func newBackoff(lo, hi time.Duration) *backoff { return &backoff{min: lo, max: hi} }

// next is the wait before the next try.
func (b *backoff) next() time.Duration {
	b.cur = max(b.min, min(2*b.cur, b.max))
	return b.cur
}

// reset starts again from min, after a success.
func (b *backoff) reset() { b.cur = 0 }

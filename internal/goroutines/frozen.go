package goroutines

import (
	"slices"
	"strings"
)

// synctestTest is the function that creates a bubble.
const synctestTest = "testing/synctest.Test"

// BubbleOf returns the id of the synctest bubble started from goroutine
// creator, 0 if none. It recognizes the three shapes a dump can show:
// creator ran `go synctest.Test(t, f)` (a goroutine in a bubble with a
// testing/synctest.Test frame was created in creator); creator called
// synctest.Test itself (it is that goroutine); or creator is the goroutine
// running synctest.Test (the bubble's root goroutine was created by
// testing/synctest.Test in creator). If several bubbles match, the newest
// (highest id) is returned.
func BubbleOf(gs []Goroutine, creator int) int {
	best := 0
	for _, g := range gs {
		if g.Bubble == 0 {
			continue
		}
		runsTest := slices.ContainsFunc(g.Frames, func(f Frame) bool { return f.Func == synctestTest })
		if runsTest && (g.CreatorID == creator || g.ID == creator) ||
			g.CreatedBy.Func == synctestTest && g.CreatorID == creator {
			best = max(best, g.Bubble)
		}
	}
	return best
}

// InBubble returns the goroutines of bubble (those outside any bubble when
// bubble is 0).
func InBubble(gs []Goroutine, bubble int) []Goroutine {
	var out []Goroutine
	for _, g := range gs {
		if g.Bubble == bubble {
			out = append(out, g)
		}
	}
	return out
}

// WithLabel returns the goroutines whose label key is value.
func WithLabel(gs []Goroutine, key, value string) []Goroutine {
	var out []Goroutine
	for _, g := range gs {
		if v, ok := g.Labels[key]; ok && v == value {
			out = append(out, g)
		}
	}
	return out
}

// WaitingOnLock reports whether g waits in sync.Mutex.Lock,
// sync.RWMutex.Lock or sync.RWMutex.RLock. These waits are never durable:
// synctest cannot know that only the bubble can release the lock, so it
// neither advances time nor reports a deadlock while one lasts.
func (g Goroutine) WaitingOnLock() bool {
	return strings.HasPrefix(g.State, "sync.Mutex.Lock") ||
		strings.HasPrefix(g.State, "sync.RWMutex.Lock") ||
		strings.HasPrefix(g.State, "sync.RWMutex.RLock")
}

// Blocked reports whether g is durably blocked or waiting on a lock.
func (g Goroutine) Blocked() bool { return g.Durable || g.WaitingOnLock() }

// Frozen reports whether bubble made no progress between two samples prev
// and cur (taken some 100 ms of wall time apart, outside the bubble): both
// show the same goroutines of the bubble, each in the same state at the
// same stack, each Blocked, and at least one of them not durably blocked.
// A bubble whose goroutines are all durably blocked is not frozen: synctest
// advances its clock or reports the deadlock itself. A frozen bubble is
// typically a deadlock on a mutex, which synctest cannot see.
func Frozen(prev, cur []Goroutine, bubble int) bool {
	if bubble == 0 {
		return false
	}
	p, c := byID(InBubble(prev, bubble)), byID(InBubble(cur, bubble))
	if len(p) == 0 || len(p) != len(c) {
		return false
	}
	nonDurable := false
	for i := range p {
		a, b := p[i], c[i]
		if a.ID != b.ID || a.State != b.State || a.Durable != b.Durable ||
			!a.Blocked() || !slices.Equal(a.Frames, b.Frames) {
			return false
		}
		nonDurable = nonDurable || !a.Durable
	}
	return nonDurable
}

// byID returns a copy of gs sorted by id.
func byID(gs []Goroutine) []Goroutine {
	gs = slices.Clone(gs)
	slices.SortStableFunc(gs, func(a, b Goroutine) int { return a.ID - b.ID })
	return gs
}

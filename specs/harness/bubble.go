package harness

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/ballot-go/ballot/faults/rpcnet"
	"github.com/ballot-go/ballot/internal/goroutines"
)

// Watch bounds a run in a bubble. Zero fields take the defaults.
type Watch struct {
	// Every is the wall time between two looks at the bubble (100 ms).
	Every time.Duration
	// Limit is the wall time a run may take in all (2 min): virtual time
	// passes only when every goroutine waits, so a goroutine that spins
	// can hold it up forever.
	Limit time.Duration
	// Cancel, when it closes, stops the wait (Ctrl-C, or a test's own
	// timeout): the run returns ErrCancelled and its goroutines are left
	// where they are, so that what it recorded can still be judged.
	Cancel <-chan struct{}
}

// ErrCancelled is what a run returns when its Watch.Cancel closed first.
var ErrCancelled = errors.New("the run was cancelled before it ended")

// RunInBubble runs body in a testing/synctest bubble hung off t, which must
// be the *testing.T of a running test (not a bubble's), and watches it from
// outside. It returns an error, with the stacks of the bubble's goroutines
// named by node, when:
//   - the clock froze: every goroutine of the bubble is durably blocked or
//     waits on a sync.Mutex, unchanged over six looks in a row (a goroutine
//     waiting on a mutex is not durably blocked, so virtual time stops for
//     good);
//   - synctest reported a deadlock (every goroutine blocked on channels);
//   - the run went on past Watch.Limit of wall time.
//
// After a frozen clock or a timeout the bubble's goroutines cannot be
// killed: they stay blocked, and the caller carries on without them.
func RunInBubble(t *testing.T, body func(), w Watch) error {
	w = w.withDefaults()
	tracebackLabels.Do(enableTracebackLabels)
	creator, done := launch(func() { synctest.Test(t, func(*testing.T) { body() }) })
	return watch(creator, done, w)
}

func (w Watch) withDefaults() Watch {
	if w.Every <= 0 {
		w.Every = 100 * time.Millisecond
	}
	if w.Limit <= 0 {
		w.Limit = DefaultRunLimit
	}
	return w
}

// watch waits for the bubble created by goroutine creator to finish, and
// looks at it every w.Every meanwhile.
func watch(creator int, done <-chan any, w Watch) error {
	ticker := time.NewTicker(w.Every)
	defer ticker.Stop()
	deadline := time.After(w.Limit)
	var prev []goroutines.Goroutine
	still := 0 // looks in a row that found the bubble frozen as before
	for {
		select {
		case p := <-done:
			return explainPanic(p)
		case <-w.Cancel:
			return ErrCancelled
		case <-deadline:
			snap := goroutines.Snapshot()
			return fmt.Errorf("the run was still going after %v of wall time: a goroutine that never blocks holds virtual time up.\n%s",
				w.Limit, describe(bubbleOf(snap, creator)))
		case <-ticker.C:
			snap := goroutines.Snapshot()
			b := goroutines.BubbleOf(snap, creator)
			if b != 0 && prev != nil && goroutines.Frozen(prev, snap, b) {
				still++
			} else {
				still = 0
			}
			if still >= frozenLooks {
				return fmt.Errorf("virtual time froze: every goroutine is blocked and at least one waits on a mutex, "+
					"which synctest cannot see past.\n%s", describe(goroutines.InBubble(snap, b)))
			}
			prev = snap
		}
	}
}

func bubbleOf(snap []goroutines.Goroutine, creator int) []goroutines.Goroutine {
	return goroutines.InBubble(snap, goroutines.BubbleOf(snap, creator))
}

// describe names the nodes whose goroutines wait on a lock, then lists the
// bubble's goroutines grouped by identical stack, each group with its
// count and owners.
func describe(gs []goroutines.Goroutine) string {
	owners := map[string][]goroutines.Goroutine{}
	for _, g := range gs {
		owners[owner(g)] = append(owners[owner(g)], g)
	}
	names := make([]string, 0, len(owners))
	for name := range owners {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		if locked := lockWaiters(owners[name]); locked > 0 {
			fmt.Fprintf(&b, "%s: %d goroutine(s) wait on a lock\n", name, locked)
		}
	}
	b.WriteString("\n" + goroutines.FormatGrouped(suspectsFirst(gs), owner))
	return b.String()
}

// suspectsFirst orders goroutines by how likely they are to be the cause:
// those waiting on a lock (a frozen clock), then those that never block (a
// run that never ends), then the nodes' others, then the framework's.
func suspectsFirst(gs []goroutines.Goroutine) []goroutines.Goroutine {
	rank := func(g goroutines.Goroutine) int {
		switch {
		case g.WaitingOnLock():
			return 0
		case !g.Durable:
			return 1
		case rpcnet.NodeOwned(g.Labels):
			return 2
		}
		return 3
	}
	out := slices.Clone(gs)
	slices.SortStableFunc(out, func(a, b goroutines.Goroutine) int {
		if d := rank(a) - rank(b); d != 0 {
			return d
		}
		return a.ID - b.ID
	})
	return out
}

// owner names who a goroutine belongs to, from its labels.
func owner(g goroutines.Goroutine) string { return rpcnet.Owner(g.Labels) }

func lockWaiters(gs []goroutines.Goroutine) int {
	n := 0
	for _, g := range gs {
		if g.WaitingOnLock() {
			n++
		}
	}
	return n
}

// explainPanic turns what synctest.Test panicked with into advice.
func explainPanic(p any) error {
	if p == nil {
		return nil
	}
	msg := fmt.Sprint(p)
	switch {
	case strings.Contains(msg, "blocked goroutines remain"):
		return fmt.Errorf("goroutines were still blocked in the bubble when the scenario ended: "+
			"the NoLeaks finding names their node and stack (synctest: %s)", msg)
	case strings.Contains(msg, "all goroutines in bubble are blocked"):
		return fmt.Errorf("deadlock: every goroutine of the run is blocked on a channel, so time cannot pass (synctest: %s)", msg)
	}
	return fmt.Errorf("the synctest bubble panicked: %s", msg)
}

// frozenLooks is how many looks in a row must find the bubble frozen, just
// as before, for the watchdog to say so: a frozen clock is frozen for good,
// and a loaded machine can leave a bubble untouched for a while.
const frozenLooks = 5

var tracebackLabels sync.Once

// enableTracebackLabels makes the runtime print pprof labels in goroutine
// dumps, so that goroutines of different nodes stuck at the same line are
// still told apart. The runtime reads GODEBUG when it changes.
func enableTracebackLabels() {
	godebug := os.Getenv("GODEBUG")
	if strings.Contains(godebug, "tracebacklabels=") {
		return // the user chose
	}
	if godebug != "" {
		godebug += ","
	}
	os.Setenv("GODEBUG", godebug+"tracebacklabels=1")
}

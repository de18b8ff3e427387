package harness

import (
	"fmt"
	"slices"
	"time"

	"github.com/ballot-go/ballot/internal/goroutines"
)

// DefaultRunLimit bounds a run that is not in a bubble, in wall time.
const DefaultRunLimit = 2 * time.Minute

// RunWithin runs body on a goroutine of its own and waits at most w.Limit
// of wall time (DefaultRunLimit if it is 0) for it, or until w.Cancel
// closes (then it returns ErrCancelled); w.Every is not used. A run that outlasts it
// (a Machine whose Tick never returns, a real-time node that hangs) yields
// an error with the stacks of that goroutine and of those it started; the
// goroutine cannot be killed, so the caller carries on without it. A panic
// in body is passed on to the caller.
func RunWithin(body func(), w Watch) error {
	limit := w.Limit
	if limit <= 0 {
		limit = DefaultRunLimit
	}
	runner, done := launch(body)
	select {
	case p := <-done:
		if p != nil {
			panic(p)
		}
		return nil
	case <-w.Cancel:
		return ErrCancelled
	case <-time.After(limit):
		return fmt.Errorf("the run was still going after %v of wall time; its goroutines:\n%s",
			limit, goroutines.FormatGrouped(family(goroutines.Snapshot(), runner), func(goroutines.Goroutine) string { return "the run" }))
	}
}

// family is goroutine id and every goroutine it started, directly or not.
func family(gs []goroutines.Goroutine, id int) []goroutines.Goroutine {
	ids := []int{id}
	var out []goroutines.Goroutine
	for grew := true; grew; {
		grew = false
		for _, g := range gs {
			if !slices.Contains(ids, g.ID) && (g.ID == id || slices.Contains(ids, g.CreatorID)) {
				ids = append(ids, g.ID)
				grew = true
			}
		}
	}
	for _, g := range gs {
		if slices.Contains(ids, g.ID) {
			out = append(out, g)
		}
	}
	return out
}

// launch runs f on a goroutine of its own, which a run may leave blocked for
// good, and returns that goroutine's id (to find it in a dump) and a channel
// that receives what f panicked with, or nil, when it returns.
func launch(f func()) (id int, done <-chan any) {
	ids := make(chan int, 1)
	result := make(chan any, 1)
	go func() {
		ids <- goroutines.CurrentID()
		defer func() { result <- recover() }()
		f()
	}()
	return <-ids, result
}

package goroutines_test

import (
	"log"
	"time"

	"github.com/ballot-go/ballot/internal/goroutines"
)

// A watchdog, run outside the bubble by the goroutine that started it with
// `go synctest.Test(t, f)`, until done is closed.
func Example_watchdog() {
	done := make(chan struct{}) // closed when synctest.Test returns
	me := goroutines.CurrentID()
	prev := goroutines.Snapshot()
	for {
		select {
		case <-done:
			return
		case <-time.After(100 * time.Millisecond):
		}
		cur := goroutines.Snapshot()
		b := goroutines.BubbleOf(cur, me)
		if goroutines.Frozen(prev, cur, b) {
			stuck := goroutines.InBubble(cur, b)
			for _, g := range stuck {
				if g.WaitingOnLock() {
					log.Printf("node %s waits in %s", g.Labels["ballot-node"], g.State)
				}
			}
			log.Printf("bubble %d frozen:\n%s", b, goroutines.Format(stuck))
			return
		}
		prev = cur
	}
}

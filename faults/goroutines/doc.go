// Package goroutines reads goroutine dumps, attributes goroutines to nodes
// by their pprof labels, and detects a frozen synctest bubble.
//
// Goroutine-based implementations run inside testing/synctest bubbles in
// virtual time. synctest advances the clock only when every goroutine of
// the bubble is durably blocked, and reports a deadlock only then; a
// goroutine waiting on a sync.Mutex is not durably blocked, so a mutex
// deadlock freezes the bubble silently. [Frozen] recognizes that from two
// [Snapshot]s taken outside the bubble.
//
// [Parse] reads runtime.Stack(buf, true) text: ids, wait states ("sleep",
// "chan send", "sync.Mutex.Lock", ...), the "(durable)" marker and the
// bubble id, frames and creators. runtime.Stack omits pprof labels (unless
// the process runs with GODEBUG=tracebacklabels=1, which Parse reads), and
// the goroutine profile ([ParseProfile]) has labels but no ids or states;
// [Attribute] joins the two by stack. Goroutines started inside
// pprof.Do(ctx, pprof.Labels("ballot-node", "2"), f) carry that label.
//
// A watchdog, run from the test goroutine after `go synctest.Test(t, f)`:
//
//	me := goroutines.CurrentID()
//	prev := goroutines.Snapshot()
//	for range 50 {
//		time.Sleep(100 * time.Millisecond)
//		cur := goroutines.Snapshot()
//		b := goroutines.BubbleOf(cur, me)
//		if goroutines.Frozen(prev, cur, b) {
//			stuck := goroutines.InBubble(cur, b)
//			for _, g := range stuck {
//				if g.WaitingOnLock() {
//					t.Logf("node %s waits on a lock", g.Labels["ballot-node"])
//				}
//			}
//			t.Fatalf("bubble %d frozen:\n%s", b, goroutines.Format(stuck))
//		}
//		prev = cur
//	}
//
// A frozen bubble can never finish, so its goroutines stay behind; the
// test binary still exits when the tests are done.
package goroutines

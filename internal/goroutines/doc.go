// Package goroutines reads goroutine dumps, attributes goroutines to nodes
// by their pprof labels, and detects a frozen synctest bubble.
//
// Goroutine-based implementations run inside testing/synctest bubbles in
// virtual time. synctest advances the clock only when every goroutine of
// the bubble is durably blocked, and reports a deadlock only then; a
// goroutine waiting on a sync.Mutex is not durably blocked, so a mutex
// deadlock freezes the bubble silently. [Frozen] recognizes that from two
// samples taken with [Snapshot] outside the bubble.
//
// [Parse] reads runtime.Stack(buf, true) text: ids, wait states ("sleep",
// "chan send", "sync.Mutex.Lock", ...), the "(durable)" marker and the
// bubble id, frames and creators. runtime.Stack omits pprof labels (unless
// the process runs with GODEBUG=tracebacklabels=1, which Parse reads), and
// the goroutine profile ([ParseProfile]) has labels but no ids or states;
// [Attribute] joins the two by stack. Goroutines started inside
// pprof.Do(ctx, pprof.Labels("ballot-node", "2"), f) carry that label.
// Stacks cannot tell apart goroutines of different nodes blocked at the
// same line; those stay unlabelled unless GODEBUG=tracebacklabels=1, which
// can be set with os.Setenv while the process runs.
//
// A watchdog in a test: the bubble runs in its own goroutine, and the test
// goroutine, which created it, samples every 100 ms of wall time.
//
//	done := make(chan struct{})
//	go func() { defer close(done); synctest.Test(t, f) }()
//	me := goroutines.CurrentID()
//	prev := goroutines.Snapshot()
//	for {
//		select {
//		case <-done:
//			return
//		case <-time.After(100 * time.Millisecond):
//		}
//		cur := goroutines.Snapshot()
//		b := goroutines.BubbleOf(cur, me)
//		if goroutines.Frozen(prev, cur, b) {
//			for _, g := range goroutines.InBubble(cur, b) {
//				if g.WaitingOnLock() {
//					t.Logf("node %s waits in %s", g.Labels["ballot-node"], g.State)
//				}
//			}
//			t.Fatalf("bubble %d froze:\n%s", b, goroutines.Format(goroutines.InBubble(cur, b)))
//		}
//		prev = cur
//	}
//
// A frozen bubble can never finish, so its goroutines stay behind; the
// test binary still exits when the tests are done.
package goroutines

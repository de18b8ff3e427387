// Package hist builds histories for tests, fixtures and benchmarks, and
// reads and writes them as JSON with one event per line, which keeps golden
// fixtures readable and diffable.
//
// A fixture in a few lines:
//
//	b := hist.New(3).Note("node 0 leads term 1, then node 2 claims term 1 too")
//	b.At(300 * time.Millisecond).Leader(0, 1)
//	b.At(900 * time.Millisecond).Leader(2, 1)
//	h := b.History() // ElectionSafety must reject it
package hist

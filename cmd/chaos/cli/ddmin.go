package cli

import (
	"fmt"
	"slices"
)

// ddmin is Zeller's delta debugging, complement-first: given items for
// which test holds ("still fails the same way"), it returns a subset, in
// the items' order, for which test holds and from which no single item can
// be removed (1-minimal). Complements come first: a failure that needs
// several episodes spread over the schedule survives taking one chunk away
// far more often than keeping one chunk alone. test is called at most
// maxTests times, so ddmin ends on any predicate, flaky ones included; at
// the bound it returns the smallest failing subset found so far. A subset
// is never tested twice: at two chunks the complements are the chunks.
func ddmin(items []int, test func([]int) bool, maxTests int) []int {
	d := &delta{test: test, left: maxTests, seen: map[string]bool{}}
	current := slices.Clone(items)
	for n := 2; len(current) >= 2 && d.left > 0; {
		chunks := split(current, n)
		if next, ok := d.firstFailing(complements(current, chunks)); ok {
			current, n = next, max(n-1, 2)
			continue
		}
		if next, ok := d.firstFailing(chunks); ok {
			current, n = next, 2
			continue
		}
		if n >= len(current) {
			break
		}
		n = min(2*n, len(current))
	}
	return current
}

// delta is one ddmin's bookkeeping: the tests left, and the verdicts given.
type delta struct {
	test func([]int) bool
	left int
	seen map[string]bool
}

// firstFailing tests candidates in order and returns the first for which
// the test holds; it stops when the tests run out.
func (d *delta) firstFailing(candidates [][]int) ([]int, bool) {
	for _, c := range candidates {
		key := fmt.Sprint(c)
		if _, tested := d.seen[key]; tested || d.left <= 0 {
			continue
		}
		d.left--
		d.seen[key] = d.test(c)
		if d.seen[key] {
			return c, true
		}
	}
	return nil, false
}

// split cuts items into n chunks of nearly equal size, in order.
func split(items []int, n int) [][]int {
	chunks := make([][]int, 0, n)
	for i := range n {
		chunks = append(chunks, items[i*len(items)/n:(i+1)*len(items)/n])
	}
	return chunks
}

// complements are items without each chunk in turn.
func complements(items []int, chunks [][]int) [][]int {
	out := make([][]int, 0, len(chunks))
	start := 0
	for _, c := range chunks {
		out = append(out, slices.Concat(items[:start], items[start+len(c):]))
		start += len(c)
	}
	return out
}

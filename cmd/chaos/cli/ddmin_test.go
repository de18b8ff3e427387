package cli

import (
	"fmt"
	"slices"
	"testing"
)

// upTo is the items 0 to n-1.
func upTo(n int) []int {
	items := make([]int, n)
	for i := range items {
		items[i] = i
	}
	return items
}

// needs is a predicate that fails (holds) iff every one of want is kept,
// and counts its calls.
func needs(calls *int, want ...int) func([]int) bool {
	return func(set []int) bool {
		*calls++
		for _, w := range want {
			if !slices.Contains(set, w) {
				return false
			}
		}
		return true
	}
}

func TestDdminFindsExactlyTheEpisodesNeeded(t *testing.T) {
	for _, c := range []struct {
		n    int
		want []int
	}{
		{16, []int{3, 7}},
		{15, []int{0, 14}},
		{15, []int{9}},
		{20, []int{2, 5, 11, 19}},
		{2, []int{1}},
		{1, []int{0}},
	} {
		calls := 0
		got := ddmin(upTo(c.n), needs(&calls, c.want...), 200)
		if !slices.Equal(got, c.want) {
			t.Errorf("%d items, fails iff %v is kept: ddmin returned %v", c.n, c.want, got)
		}
		if calls > 200 {
			t.Errorf("%d items, needs %v: %d tests, over the bound of 200", c.n, c.want, calls)
		}
	}
}

// A predicate that holds only for the whole set leaves the whole set.
func TestDdminKeepsWhatCannotBeCut(t *testing.T) {
	calls := 0
	got := ddmin(upTo(6), needs(&calls, upTo(6)...), 200)
	if !slices.Equal(got, upTo(6)) {
		t.Errorf("ddmin returned %v; want all of 0 to 5", got)
	}
}

// The bound holds even when the predicate is hostile: it fails on every
// subset of more than one item, so ddmin would go on to single items.
func TestDdminRespectsTheBound(t *testing.T) {
	for _, bound := range []int{0, 1, 5, 17} {
		calls := 0
		test := func(set []int) bool { calls++; return len(set) > 1 }
		got := ddmin(upTo(64), test, bound)
		if calls > bound {
			t.Errorf("bound %d: %d tests", bound, calls)
		}
		if len(got) < 2 {
			t.Errorf("bound %d: ddmin returned %v, which does not fail", bound, got)
		}
	}
}

// No subset is tested twice.
func TestDdminTestsEachSubsetOnce(t *testing.T) {
	seen := map[string]bool{}
	ddmin(upTo(32), func(set []int) bool {
		key := fmt.Sprint(set)
		if seen[key] {
			t.Errorf("%v tested twice", set)
		}
		seen[key] = true
		return slices.Contains(set, 5) && slices.Contains(set, 30)
	}, 200)
}

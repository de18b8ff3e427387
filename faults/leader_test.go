package faults

import (
	"maps"
	"slices"
	"testing"

	"github.com/ballot-go/ballot/impl"
)

func TestHighestLeaderPicksTheHighestTermAndTheLowestIDOnATie(t *testing.T) {
	f, l := impl.Follower, impl.Leader
	cases := []struct {
		roles []impl.Role
		terms []uint64
		node  int
		term  uint64
	}{
		{[]impl.Role{f, f, f}, []uint64{1, 2, 3}, impl.None, 0},
		{[]impl.Role{l, f, l}, []uint64{4, 9, 5}, 2, 5},
		{[]impl.Role{f, l, l}, []uint64{7, 3, 3}, 1, 3},
	}
	for _, c := range cases {
		statuses := map[int]impl.Status{}
		for i := range c.roles {
			statuses[i] = impl.Status{ID: i, Role: c.roles[i], Term: c.terms[i]}
		}
		ordered := func(yield func(int, impl.Status) bool) {
			for _, n := range slices.Sorted(maps.Keys(statuses)) {
				if !yield(n, statuses[n]) {
					return
				}
			}
		}
		if node, term := HighestLeader(ordered); node != c.node || term != c.term {
			t.Errorf("roles %v terms %v: got node %d term %d, want node %d term %d", c.roles, c.terms, node, term, c.node, c.term)
		}
	}
}

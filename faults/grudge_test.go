package faults

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func seeded(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0)) }

// hears lists the nodes to hears from, itself included.
func hears(g Grudge, n, to int) []int {
	var h []int
	for from := range n {
		if !g.Cuts(from, to) {
			h = append(h, from)
		}
	}
	return h
}

// components checks that g is a complete partition into the given groups.
func checkGroups(t *testing.T, g Grudge, n int, groups [][]int) {
	t.Helper()
	group := map[int]int{}
	for i, gr := range groups {
		for _, v := range gr {
			group[v] = i
		}
	}
	for from := range n {
		for to := range n {
			want := group[from] != group[to]
			if g.Cuts(from, to) != want {
				t.Errorf("Cuts(%d, %d) = %t, want %t in %v", from, to, !want, want, g)
			}
		}
	}
}

func TestIsolateCutsBothWays(t *testing.T) {
	g := Isolate(5, 2, 2)
	for v := range 5 {
		if v == 2 {
			continue
		}
		if !g.Cuts(2, v) || !g.Cuts(v, 2) {
			t.Errorf("node 2 and %d still talk: %v", v, g)
		}
	}
	checkGroups(t, g, 5, [][]int{{2}, {0, 1, 3, 4}})
	checkGroups(t, Isolate(5, 1, 3), 5, [][]int{{1}, {3}, {0, 2, 4}})
	if err := g.Validate(5); err != nil {
		t.Error(err)
	}
}

func TestSplit(t *testing.T) {
	checkGroups(t, Split(5, []int{3, 0}), 5, [][]int{{0, 3}, {1, 2, 4}})
}

func TestHalvesSizes(t *testing.T) {
	for n := 1; n <= 9; n++ {
		for seed := range uint64(20) {
			groups := halves(n, seeded(seed))
			sizes := []int{len(groups[0]), len(groups[1])}
			slices.Sort(sizes)
			if sizes[0] != n/2 || sizes[1] != (n+1)/2 {
				t.Fatalf("n=%d: sizes %v", n, sizes)
			}
			checkGroups(t, Halves(n, seeded(seed)), n, groups)
		}
	}
}

func TestLeaderMinority(t *testing.T) {
	for n := 1; n <= 9; n++ {
		for leader := range n {
			g := LeaderMinority(n, leader, seeded(uint64(n*10+leader)))
			side := hears(g, n, leader)
			if len(side) != max(1, (n-1)/2) || len(side) >= n/2+1 && n > 1 {
				t.Errorf("n=%d: leader %d's side %v is not a minority", n, leader, side)
			}
			if rest := n - len(side); n > 2 && 2*rest <= n {
				t.Errorf("n=%d: other side of %d nodes has no majority", n, rest)
			}
		}
	}
}

func TestMajoritiesRing(t *testing.T) {
	for _, n := range []int{3, 4, 5, 6, 7, 9} {
		g := MajoritiesRing(n, seeded(uint64(n)))
		seen := map[string]int{}
		for v := range n {
			h := hears(g, n, v)
			if !slices.Contains(h, v) || len(h) != n/2+1 {
				t.Errorf("n=%d: node %d hears %v, want a majority of %d including itself", n, v, h, n/2+1)
			}
			key := fmt.Sprint(h)
			if w, dup := seen[key]; dup {
				t.Errorf("n=%d: nodes %d and %d hear the same majority %v", n, w, v, h)
			}
			seen[key] = v
		}
		if err := g.Validate(n); err != nil {
			t.Error(err)
		}
	}
	if g := MajoritiesRing(2, seeded(1)); len(g.receivers()) != 0 {
		t.Errorf("n=2 should cut nothing, got %v", g)
	}
}

func TestMajoritiesRingFiveIsSymmetric(t *testing.T) {
	g := MajoritiesRing(5, seeded(7))
	for a := range 5 {
		for b := range 5 {
			if g.Cuts(a, b) != g.Cuts(b, a) {
				t.Fatalf("asymmetric at %d,%d: %v", a, b, g)
			}
		}
	}
}

func TestBridge(t *testing.T) {
	for n := 3; n <= 8; n++ {
		left, bridge, right := bridgeLayout(n, seeded(uint64(n)))
		g := Bridge(n, seeded(uint64(n)))
		if got := hears(g, n, bridge); len(got) != n {
			t.Errorf("n=%d: bridge %d hears only %v", n, bridge, got)
		}
		for v := range n {
			if g.Cuts(bridge, v) {
				t.Errorf("n=%d: %d does not hear the bridge", n, v)
			}
		}
		for _, l := range left {
			for _, r := range right {
				if !g.Cuts(l, r) || !g.Cuts(r, l) {
					t.Errorf("n=%d: %d and %d talk across the bridge", n, l, r)
				}
			}
		}
		if side := len(left) + 1; 2*side <= n {
			t.Errorf("n=%d: left half plus bridge (%d) is not a majority", n, side)
		}
	}
}

func TestOneWay(t *testing.T) {
	g := OneWay([]int{0, 1}, []int{2, 1})
	cases := []struct {
		from, to int
		cut      bool
	}{{0, 2, true}, {1, 2, true}, {0, 1, true}, {2, 0, false}, {2, 1, false}, {1, 0, false}, {1, 1, false}}
	for _, c := range cases {
		if g.Cuts(c.from, c.to) != c.cut {
			t.Errorf("Cuts(%d, %d) = %t in %v", c.from, c.to, !c.cut, g)
		}
	}
}

func TestRandomPartition(t *testing.T) {
	counts := map[int]int{}
	for seed := range uint64(50) {
		groups := randomPartition(6, seeded(seed))
		if len(groups) < 2 || len(groups) > 3 {
			t.Fatalf("%d groups", len(groups))
		}
		total := 0
		for _, g := range groups {
			if len(g) == 0 {
				t.Fatalf("empty group in %v", groups)
			}
			total += len(g)
		}
		if total != 6 {
			t.Fatalf("groups %v do not cover 6 nodes", groups)
		}
		counts[len(groups)]++
		checkGroups(t, RandomPartition(6, seeded(seed)), 6, groups)
	}
	if counts[2] == 0 || counts[3] == 0 {
		t.Errorf("group counts never vary: %v", counts)
	}
}

func TestBuildersDeterministic(t *testing.T) {
	for name, build := range map[string]func(*rand.Rand) Grudge{
		"halves": func(r *rand.Rand) Grudge { return Halves(7, r) },
		"ring":   func(r *rand.Rand) Grudge { return MajoritiesRing(7, r) },
		"bridge": func(r *rand.Rand) Grudge { return Bridge(7, r) },
		"random": func(r *rand.Rand) Grudge { return RandomPartition(7, r) },
		"minor":  func(r *rand.Rand) Grudge { return LeaderMinority(7, 3, r) },
	} {
		if a, b := build(seeded(9)).String(), build(seeded(9)).String(); a != b {
			t.Errorf("%s: %s != %s", name, a, b)
		}
	}
}

func TestBuildersTolerateTinyClusters(t *testing.T) {
	for n := -1; n <= 2; n++ {
		r := seeded(1)
		for _, g := range []Grudge{Halves(n, r), MajoritiesRing(n, r), Bridge(n, r), RandomPartition(n, r), Isolate(n)} {
			if err := g.Validate(max(n, 0)); err != nil {
				t.Errorf("n=%d: %v", n, err)
			}
		}
	}
}

func TestUnionAndString(t *testing.T) {
	a := Grudge{2: {1, 0}}
	b := Grudge{2: {1}, 3: {0}}
	u := a.Union(b)
	if got, want := u.String(), "{2<-[0 1] 3<-[0]}"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if a.String() != "{2<-[0 1]}" || len(a[2]) != 2 || a[2][0] != 1 {
		t.Errorf("Union modified its input: %v", a[2])
	}
	if (Grudge{}).String() != "{}" || Grudge(nil).Cuts(0, 1) {
		t.Error("empty grudge misbehaves")
	}
}

func TestGrudgeValidate(t *testing.T) {
	for _, g := range []Grudge{{5: {0}}, {0: {-1}}, {1: {1}}} {
		if err := g.Validate(5); err == nil {
			t.Errorf("%v: want error", g)
		}
	}
}

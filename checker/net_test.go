package checker

import (
	"slices"
	"testing"
	"time"
)

func cutNet(nodes int, live []int, cuts ...[2]int) *Net {
	n := &Net{Live: make([]bool, nodes), Cut: make([][]bool, nodes), Faulty: true}
	for _, i := range live {
		n.Live[i] = true
	}
	for i := range nodes {
		n.Cut[i] = make([]bool, nodes)
	}
	for _, c := range cuts {
		n.Cut[c[0]][c[1]] = true
	}
	return n
}

func TestMajorities(t *testing.T) {
	all5 := []int{0, 1, 2, 3, 4}
	cases := []struct {
		name    string
		net     *Net
		members []int // union of the majority cliques
	}{
		{"before any topology", nil, all5},
		{"one node down", cutNet(5, []int{0, 1, 3, 4}), []int{0, 1, 3, 4}},
		{"three down: no majority", cutNet(5, []int{3, 4}), nil},
		// A one-way cut is enough to leave a clique: the leader may send
		// heartbeats but never hears back.
		{"one-way cuts around 2", cutNet(5, all5, [2]int{0, 2}, [2]int{1, 2}, [2]int{3, 2}), []int{0, 1, 3, 4}},
		// {0,1,2} and {2,3,4} are both cliques of 3 > 5/2, sharing node 2.
		{"bridge node 2", cutNet(5, all5, [2]int{0, 3}, [2]int{3, 0}, [2]int{0, 4}, [2]int{4, 0}, [2]int{1, 3}, [2]int{3, 1}, [2]int{1, 4}, [2]int{4, 1}), all5},
		{"short Live counts as live", &Net{Live: []bool{false}}, []int{1, 2, 3, 4}},
	}
	for _, c := range cases {
		m := findMajorities(c.net, 5)
		if got := maskList(m.members); !slices.Equal(got, c.members) || !m.ok {
			t.Errorf("%s: majority members %v (ok %t), want %v", c.name, got, m.ok, c.members)
		}
		if m.exist() != (c.members != nil) {
			t.Errorf("%s: exist() = %t", c.name, m.exist())
		}
	}
}

// The search is bounded: a Moon–Moser graph on 64 nodes (a complete
// 22-partite graph, about 3^21 maximal cliques) must give up quickly rather
// than hang.
func TestMajoritiesBudget(t *testing.T) {
	n := cutNet(64, nil)
	for i := range 64 {
		n.Live[i] = true
		for j := range 64 {
			n.Cut[i][j] = i != j && i/3 == j/3 // no links inside a part
		}
	}
	start := time.Now()
	m := findMajorities(n, 64)
	if m.ok {
		t.Error("search claims to have finished") // which would have taken hours
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("search took %v", d)
	}
}

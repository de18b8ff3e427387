package faults

import (
	"strings"
	"testing"
)

func TestLinkStateUnionsGrudges(t *testing.T) {
	l := NewLinkState(3)
	if l.AnyCut() || l.Faulty() {
		t.Fatal("a new state has faults")
	}
	l.SetGrudge("a", OneWay([]int{0}, []int{1}))
	l.SetGrudge("b", Isolate(3, 2))
	if !l.Cut(0, 1) || l.Cut(1, 0) || !l.Cut(2, 0) || !l.Cut(0, 2) {
		t.Fatalf("cut matrix %v does not union the grudges", l.CutMatrix())
	}
	l.ClearGrudge("b")
	if l.Cut(2, 0) || !l.Cut(0, 1) {
		t.Fatalf("clearing one grudge gave %v", l.CutMatrix())
	}
	l.ClearGrudge("a")
	if l.AnyCut() || l.Faulty() {
		t.Fatal("faults remain after clearing every grudge")
	}
}

func TestLinkStateKeepsRulesInFirstSetOrder(t *testing.T) {
	l := NewLinkState(3)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(l.SetRule("x", LinkRule{From: AnyNode, To: AnyNode, Drop: 0.1}))
	must(l.SetRule("y", LinkRule{From: 0, To: 1, Duplicate: 0.2}))
	must(l.SetRule("x", LinkRule{From: AnyNode, To: AnyNode, Drop: 0.3})) // replaced in place
	if r := l.Rules(); len(r) != 2 || r[0].Drop != 0.3 || r[1].Duplicate != 0.2 {
		t.Fatalf("rules %v; want x (replaced) then y", r)
	}
	l.ClearRule("x")
	lossy := l.Lossy()
	if !lossy[0][1] || lossy[1][0] || lossy[0][0] {
		t.Fatalf("lossy %v; want only 0->1", lossy)
	}
	err := l.SetRule("z", LinkRule{From: AnyNode, To: AnyNode, Drop: -1})
	if err == nil || !strings.Contains(err.Error(), `rule "z": faults: drop probability -1 is outside [0, 1]`) {
		t.Fatalf("SetRule(invalid) = %v", err)
	}
}

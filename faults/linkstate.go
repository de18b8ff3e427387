package faults

import (
	"fmt"
	"slices"
)

// LinkState is the state of a network's links: the grudges and link rules
// in force, under the keys faults set them with. The Machine simulator and
// the RPC network each keep one, so that both apply faults the same way. It
// is not safe for concurrent use.
type LinkState struct {
	n       int
	grudges map[string]Grudge
	cut     []bool // cut[from*n+to], the union of the grudges
	anyCut  bool
	keys    []string   // the rules' keys, in the order first set
	rules   []LinkRule // applied in that order, so that runs replay whatever the keys
}

// NewLinkState is the state of n nodes' links with no fault.
func NewLinkState(n int) *LinkState {
	return &LinkState{n: n, grudges: map[string]Grudge{}, cut: make([]bool, n*n)}
}

// SetGrudge adds or replaces the grudge under key.
func (l *LinkState) SetGrudge(key string, g Grudge) {
	l.grudges[key] = g.Union(nil) // a copy: the caller may reuse g
	l.recomputeCut()
}

// ClearGrudge removes the grudge under key, if any.
func (l *LinkState) ClearGrudge(key string) {
	delete(l.grudges, key)
	l.recomputeCut()
}

// recomputeCut rebuilds the cut matrix from all grudges. Entries outside the
// cluster and self-cuts are ignored: a node always hears itself.
func (l *LinkState) recomputeCut() {
	clear(l.cut)
	l.anyCut = false
	for _, g := range l.grudges {
		for to, froms := range g {
			for _, from := range froms {
				if l.valid(to) && l.valid(from) && from != to {
					l.cut[from*l.n+to] = true
					l.anyCut = true
				}
			}
		}
	}
}

func (l *LinkState) valid(i int) bool { return i >= 0 && i < l.n }

// Cut reports whether a grudge cuts from -> to.
func (l *LinkState) Cut(from, to int) bool { return l.anyCut && l.cut[from*l.n+to] }

// AnyCut reports whether any link is cut.
func (l *LinkState) AnyCut() bool { return l.anyCut }

// SetRule adds the rule under key, or replaces it in place.
func (l *LinkState) SetRule(key string, r LinkRule) error {
	if err := r.Validate(l.n); err != nil {
		return fmt.Errorf("rule %q: %w", key, err)
	}
	r.Kinds = slices.Clone(r.Kinds) // the caller may reuse its slice
	if i := slices.Index(l.keys, key); i >= 0 {
		l.rules[i] = r
		return nil
	}
	l.keys = append(l.keys, key)
	l.rules = append(l.rules, r)
	return nil
}

// ClearRule removes the rule under key, if any.
func (l *LinkState) ClearRule(key string) {
	if i := slices.Index(l.keys, key); i >= 0 {
		l.keys = slices.Delete(l.keys, i, i+1)
		l.rules = slices.Delete(l.rules, i, i+1)
	}
}

// Rules are the rules in force, in the order their keys were first set.
// The caller must not modify them.
func (l *LinkState) Rules() []LinkRule { return l.rules }

// Faulty reports whether any grudge or rule is in force, even one that
// touches no link.
func (l *LinkState) Faulty() bool { return len(l.grudges) > 0 || len(l.rules) > 0 }

// CutMatrix is Cut for every pair: [from][to].
func (l *LinkState) CutMatrix() [][]bool {
	m := make([][]bool, l.n)
	for i := range m {
		m[i] = slices.Clone(l.cut[i*l.n : (i+1)*l.n])
	}
	return m
}

// Lossy marks the links some rule drops, delays or duplicates messages on:
// [from][to].
func (l *LinkState) Lossy() [][]bool {
	m := make([][]bool, l.n)
	for i := range m {
		m[i] = make([]bool, l.n)
		for j := range m[i] {
			m[i][j] = i != j && slices.ContainsFunc(l.rules, func(r LinkRule) bool { return r.Covers(i, j) })
		}
	}
	return m
}

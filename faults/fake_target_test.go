package faults

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
)

// fakeTarget records what faults do to it and enforces the same state rules
// as a real network, so a fault that heals wrongly shows up.
type fakeTarget struct {
	n       int
	leader  int // -1: none
	r       *rand.Rand
	calls   []string
	grudges map[string]Grudge
	rules   map[string]LinkRule
	crashed map[int]bool
	paused  map[int]bool
	skew    map[int]float64
	open    map[string]int // half-open faults, by key
}

func newFake(n, leader int) *fakeTarget {
	return &fakeTarget{
		n: n, leader: leader, r: rand.New(rand.NewPCG(1, 2)),
		grudges: map[string]Grudge{}, rules: map[string]LinkRule{},
		crashed: map[int]bool{}, paused: map[int]bool{}, skew: map[int]float64{},
		open: map[string]int{},
	}
}

func (f *fakeTarget) record(format string, args ...any) {
	f.calls = append(f.calls, fmt.Sprintf(format, args...))
}

func (f *fakeTarget) Size() int        { return f.n }
func (f *fakeTarget) Rand() *rand.Rand { return f.r }
func (f *fakeTarget) Leader() (int, bool) {
	return f.leader, f.leader >= 0 && !f.crashed[f.leader] && !f.paused[f.leader]
}

func (f *fakeTarget) SetGrudge(key string, g Grudge) {
	f.record("SetGrudge %s", g)
	f.grudges[key] = g
}

func (f *fakeTarget) ClearGrudge(key string) {
	f.record("ClearGrudge")
	delete(f.grudges, key)
}

func (f *fakeTarget) SetRule(key string, r LinkRule) error {
	if err := r.Validate(f.n); err != nil {
		return err
	}
	f.record("SetRule %s", r)
	f.rules[key] = r
	return nil
}

func (f *fakeTarget) ClearRule(key string) {
	f.record("ClearRule")
	delete(f.rules, key)
}

func (f *fakeTarget) check(n int) error {
	if n < 0 || n >= f.n {
		return fmt.Errorf("fake: no node %d", n)
	}
	return nil
}

func (f *fakeTarget) Crash(n int) error {
	if err := f.check(n); err != nil || f.crashed[n] {
		return fmt.Errorf("fake: cannot crash %d", n)
	}
	f.record("Crash %d", n)
	f.crashed[n] = true
	delete(f.paused, n)
	return nil
}

func (f *fakeTarget) Restart(n int) error {
	if !f.crashed[n] {
		return fmt.Errorf("fake: %d is not crashed", n)
	}
	f.record("Restart %d", n)
	delete(f.crashed, n)
	return nil
}

func (f *fakeTarget) Pause(n int) error {
	if err := f.check(n); err != nil || f.paused[n] || f.crashed[n] {
		return fmt.Errorf("fake: cannot pause %d", n)
	}
	f.record("Pause %d", n)
	f.paused[n] = true
	return nil
}

func (f *fakeTarget) Resume(n int) error {
	if !f.paused[n] {
		return fmt.Errorf("fake: %d is not paused", n)
	}
	f.record("Resume %d", n)
	delete(f.paused, n)
	return nil
}

func (f *fakeTarget) Skew(n int, rate float64) error {
	if err := f.check(n); err != nil {
		return err
	}
	f.record("Skew %d %g", n, rate)
	if rate == 1 {
		delete(f.skew, n)
	} else {
		f.skew[n] = rate
	}
	return nil
}

// healed describes what is still broken, or "" if nothing is.
// HalfOpen makes the fake a HalfOpener: it kills 2 connections.
func (f *fakeTarget) HalfOpen(key string, n int) (int, error) {
	if err := f.check(n); err != nil {
		return 0, err
	}
	f.record("HalfOpen %d", n)
	f.open[key] = n
	return 2, nil
}

func (f *fakeTarget) ClearHalfOpen(key string) {
	f.record("ClearHalfOpen")
	delete(f.open, key)
}

func (f *fakeTarget) healed() string {
	var bad []string
	for what, m := range map[string]int{
		"grudges": len(f.grudges), "rules": len(f.rules), "crashed": len(f.crashed),
		"paused": len(f.paused), "skewed": len(f.skew), "half-open": len(f.open),
	} {
		if m > 0 {
			bad = append(bad, fmt.Sprintf("%d %s", m, what))
		}
	}
	slices.Sort(bad)
	return strings.Join(bad, ", ")
}

func (f *fakeTarget) grudgeUnion() Grudge {
	var u Grudge
	for _, k := range slices.Sorted(maps.Keys(f.grudges)) {
		u = u.Union(f.grudges[k])
	}
	return u
}

package faults

import (
	"fmt"
	"math/rand/v2"

	"github.com/ballot-go/ballot/impl"
)

func init() {
	Register("duplicate", func(r *rand.Rand, _ int) Fault {
		return &DuplicateFault{Links: AllLinks(randomKinds(r)...), P: 0.1 + 0.4*r.Float64()}
	})
}

// DuplicateFault delivers each matching message twice with probability P;
// the copies travel independently, so they may arrive far apart.
type DuplicateFault struct {
	Links
	P   float64
	rec ruleRecord
}

// NewDuplicate duplicates messages from -> to (AnyNode for all) of the given
// kinds (none: all kinds) with probability p.
func NewDuplicate(from, to int, p float64, kinds ...impl.Kind) (*DuplicateFault, error) {
	f := &DuplicateFault{Links: Links{from, to, kinds}, P: p}
	if err := checkRule(f.rule()); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *DuplicateFault) rule() LinkRule {
	r := f.Links.rule()
	r.Duplicate = f.P
	return r
}

func (f *DuplicateFault) String() string {
	return fmt.Sprintf("duplicate %.0f%% %s", 100*f.P, f.Links)
}

// Inject implements Fault.
func (f *DuplicateFault) Inject(t Target) error { return f.rec.inject(t, "duplicate", f.rule()) }

// Heal implements Fault.
func (f *DuplicateFault) Heal(t Target) error { return f.rec.heal(t) }

package faults

import (
	"fmt"
	"math/rand/v2"

	"github.com/ballot-go/ballot/impl"
)

func init() {
	Register("drop", func(r *rand.Rand, _ int) Fault {
		return &DropFault{Links: AllLinks(randomKinds(r)...), P: 0.1 + 0.4*r.Float64()}
	})
}

// DropFault loses each matching message with probability P.
type DropFault struct {
	Links
	P   float64
	rec ruleRecord
}

// NewDrop drops messages from -> to (AnyNode for all) of the given kinds
// (none: all kinds) with probability p.
func NewDrop(from, to int, p float64, kinds ...impl.Kind) (*DropFault, error) {
	f := &DropFault{Links: Links{from, to, kinds}, P: p}
	if err := checkRule(f.rule()); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *DropFault) rule() LinkRule {
	r := f.Links.rule()
	r.Drop = f.P
	return r
}

func (f *DropFault) String() string {
	return fmt.Sprintf("drop %.0f%% %s", 100*f.P, f.Links)
}

// Inject implements Fault.
func (f *DropFault) Inject(t Target) error { return f.rec.inject(t, "drop", f.rule()) }

// Heal implements Fault.
func (f *DropFault) Heal(t Target) error { return f.rec.heal(t) }

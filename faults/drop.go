package faults

import (
	"fmt"
	"math/rand/v2"

	"github.com/ballot-go/ballot/impl"
)

func init() {
	Register("drop", func(r *rand.Rand, _ int) Fault {
		return &DropFault{From: AnyNode, To: AnyNode, Kinds: randomKinds(r), P: 0.1 + 0.4*r.Float64()}
	})
}

// DropFault loses each matching message with probability P.
type DropFault struct {
	From, To int         // AnyNode matches all
	Kinds    []impl.Kind // empty: all kinds
	P        float64
	rec      ruleRecord
}

// NewDrop drops messages from -> to (AnyNode for all) of the given kinds
// (none: all kinds) with probability p.
func NewDrop(from, to int, p float64, kinds ...impl.Kind) (*DropFault, error) {
	f := &DropFault{From: from, To: to, Kinds: kinds, P: p}
	if err := checkRule(f.rule()); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *DropFault) rule() LinkRule {
	return LinkRule{From: f.From, To: f.To, Kinds: f.Kinds, Drop: f.P}
}

func (f *DropFault) String() string {
	return fmt.Sprintf("drop %.0f%% %s", 100*f.P, linkString(f.From, f.To, f.Kinds))
}

// Inject implements Fault.
func (f *DropFault) Inject(t Target) error { return f.rec.inject(t, "drop", f.rule()) }

// Heal implements Fault.
func (f *DropFault) Heal(t Target) error { return f.rec.heal(t) }

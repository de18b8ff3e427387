package faults

import (
	"fmt"
	"math/rand/v2"

	"github.com/ballot-go/ballot/impl"
)

func init() {
	Register("duplicate", func(r *rand.Rand, _ int) Fault {
		return &DuplicateFault{From: AnyNode, To: AnyNode, Kinds: randomKinds(r), P: 0.1 + 0.4*r.Float64()}
	})
}

// DuplicateFault delivers each matching message twice with probability P;
// the copies travel independently, so they may arrive far apart.
type DuplicateFault struct {
	From, To int         // AnyNode matches all
	Kinds    []impl.Kind // empty: all kinds
	P        float64
	rec      ruleRecord
}

// NewDuplicate duplicates messages from -> to (AnyNode for all) of the given
// kinds (none: all kinds) with probability p.
func NewDuplicate(from, to int, p float64, kinds ...impl.Kind) (*DuplicateFault, error) {
	f := &DuplicateFault{From: from, To: to, Kinds: kinds, P: p}
	if err := checkRule(f.rule()); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *DuplicateFault) rule() LinkRule {
	return LinkRule{From: f.From, To: f.To, Kinds: f.Kinds, Duplicate: f.P}
}

func (f *DuplicateFault) String() string {
	return fmt.Sprintf("duplicate %.0f%% %s", 100*f.P, linkString(f.From, f.To, f.Kinds))
}

// Inject implements Fault.
func (f *DuplicateFault) Inject(t Target) error { return f.rec.inject(t, "duplicate", f.rule()) }

// Heal implements Fault.
func (f *DuplicateFault) Heal(t Target) error { return f.rec.heal(t) }

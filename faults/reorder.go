package faults

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/ballot-go/ballot/impl"
)

func init() {
	Register("reorder", func(r *rand.Rand, _ int) Fault {
		spread := randomDuration(r, 50*time.Millisecond, 250*time.Millisecond)
		return &ReorderFault{Links: AllLinks(randomKinds(r)...), Spread: spread}
	})
}

// ReorderFault adds a uniform delay in [0, Spread) to every matching
// message. With Spread well above the link latency, messages overtake one
// another: reordering is delay variance, nothing more.
type ReorderFault struct {
	Links
	Spread time.Duration
	rec    ruleRecord
}

// NewReorder reorders messages from -> to (AnyNode for all) of the given
// kinds (none: all kinds) by a uniform extra delay in [0, spread).
func NewReorder(from, to int, spread time.Duration, kinds ...impl.Kind) (*ReorderFault, error) {
	if spread <= 0 {
		return nil, errors.New("faults: reorder spread " + spread.String() + " must be positive")
	}
	f := &ReorderFault{Links: Links{from, to, kinds}, Spread: spread}
	if err := checkRule(f.rule()); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *ReorderFault) rule() LinkRule {
	d := Delay{Dist: Uniform, Spread: f.Spread}
	r := f.Links.rule()
	r.Delay = d
	return r
}

func (f *ReorderFault) String() string {
	return fmt.Sprintf("reorder spread=%v %s", f.Spread, f.Links)
}

// Inject implements Fault.
func (f *ReorderFault) Inject(t Target) error { return f.rec.inject(t, "reorder", f.rule()) }

// Heal implements Fault.
func (f *ReorderFault) Heal(t Target) error { return f.rec.heal(t) }

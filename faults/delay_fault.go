package faults

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/ballot-go/ballot/impl"
)

func init() {
	Register("delay", func(r *rand.Rand, _ int) Fault {
		d := Delay{Dist: Exponential, Spread: randomDuration(r, 10*time.Millisecond, 100*time.Millisecond)}
		return &DelayFault{Links: AllLinks(randomKinds(r)...), Delay: d}
	})
}

// DelayFault slows matching messages by Delay on top of the link latency.
// A Delay with any spread also reorders them.
type DelayFault struct {
	Links
	Delay Delay
	rec   ruleRecord
}

// NewDelay delays messages from -> to (AnyNode for all) of the given kinds
// (none: all kinds) by d.
func NewDelay(from, to int, d Delay, kinds ...impl.Kind) (*DelayFault, error) {
	f := &DelayFault{Links: Links{from, to, kinds}, Delay: d}
	if err := checkRule(f.rule()); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *DelayFault) rule() LinkRule {
	r := f.Links.rule()
	r.Delay = f.Delay
	return r
}

func (f *DelayFault) String() string {
	return fmt.Sprintf("delay %v %s", f.Delay, f.Links)
}

// Inject implements Fault.
func (f *DelayFault) Inject(t Target) error { return f.rec.inject(t, "delay", f.rule()) }

// Heal implements Fault.
func (f *DelayFault) Heal(t Target) error { return f.rec.heal(t) }

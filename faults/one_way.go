package faults

import (
	"errors"
	"fmt"
	"math/rand/v2"
)

func init() {
	Register("one-way", func(r *rand.Rand, n int) Fault {
		// A random non-empty set of senders; everyone else stops hearing them.
		p := perm(n, r)
		k := 1
		if n > 2 {
			k += r.IntN(n - 1)
		}
		k = min(k, len(p))
		return &OneWayFault{From: sorted(p[:k]), To: sorted(p[k:])}
	})
}

// OneWayFault loses messages from the From nodes to the To nodes, while the
// reverse direction works: the asymmetric partition that makes a node hear
// a leader it cannot answer.
type OneWayFault struct {
	From, To []int
	rec      grudgeRecord
}

// NewOneWay cuts the links from every node in from to every node in to.
func NewOneWay(from, to []int) (*OneWayFault, error) {
	if len(from) == 0 || len(to) == 0 {
		return nil, errors.New("faults: one-way needs at least one node on each side")
	}
	for _, v := range append(append([]int{}, from...), to...) {
		if err := checkVictim("one-way", v); err != nil {
			return nil, err
		}
	}
	return &OneWayFault{From: unique(from), To: unique(to)}, nil
}

func (f *OneWayFault) String() string { return fmt.Sprintf("one-way %v -x-> %v", f.From, f.To) }

// Inject implements Fault.
func (f *OneWayFault) Inject(t Target) error {
	if len(f.From) == 0 || len(f.To) == 0 {
		return errors.New("faults: one-way needs at least one node on each side (From and To): build it with NewOneWay")
	}
	return f.rec.inject(t, "one-way", OneWay(f.From, f.To))
}

// Heal implements Fault.
func (f *OneWayFault) Heal(t Target) error { return f.rec.heal(t) }

package faults

import (
	"math/rand/v2"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// A message's fate under the link rules, the one definition every network
// draws it by, in this order, from its network stream:
//
//  1. Copies: the rules that match the message, in the order their keys
//     were first set, each draw a drop (which ends the drawing: the message
//     is lost) and then a duplicate (one more copy).
//  2. CopyDelay, once per copy, in copy order: the base latency, plus the
//     delay of every matching rule.
//
// Grudges are not part of it: a cut link loses the message before any draw.
// The order of the draws is what makes a simulator run replay from its seed.

// Copies draws how many copies of m the rules deliver: 0 when a drop rule
// loses it, 1 plus one per duplicate otherwise.
func (l *LinkState) Copies(m impl.Message, r *rand.Rand) int {
	copies := 1
	for i := range l.rules {
		rule := &l.rules[i]
		if !rule.Matches(m) {
			continue
		}
		if rule.Drop > 0 && r.Float64() < rule.Drop {
			return 0
		}
		if rule.Duplicate > 0 && r.Float64() < rule.Duplicate {
			copies++
		}
	}
	return copies
}

// CopyDelay draws how long one copy of m travels: base, plus the delay of
// every matching rule; never negative.
func (l *LinkState) CopyDelay(m impl.Message, base Delay, r *rand.Rand) time.Duration {
	d := base.Sample(r)
	for i := range l.rules {
		rule := &l.rules[i]
		if rule.Delay != (Delay{}) && rule.Matches(m) {
			d += rule.Delay.Sample(r)
		}
	}
	return max(d, 0)
}

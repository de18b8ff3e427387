package faults

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Dist is the shape of a Delay's random part.
type Dist uint8

const (
	// Constant adds nothing beyond Base (and Jitter).
	Constant Dist = iota
	// Uniform adds an extra delay drawn uniformly from [0, Spread).
	Uniform
	// Exponential adds an extra delay drawn from an exponential distribution
	// with mean Spread: mostly short, with a long tail.
	Exponential
)

var distNames = [...]string{Constant: "constant", Uniform: "uniform", Exponential: "exponential"}

func (d Dist) String() string {
	if int(d) < len(distNames) {
		return distNames[d]
	}
	return fmt.Sprintf("dist(%d)", uint8(d))
}

// Delay describes how long a message spends on a link. Messages on the same
// link are not kept in order: whenever the delay varies, a later message can
// overtake an earlier one, which is how this package reorders messages.
type Delay struct {
	Dist Dist
	Base time.Duration
	// Spread is the extra delay's scale: for Uniform the extra is in
	// [0, Spread), for Exponential Spread is its mean. Constant needs 0.
	Spread time.Duration
	// Jitter adds a further uniform extra in [0, Jitter), whatever the Dist.
	Jitter time.Duration
}

// Sample draws one delay from r. A zero Delay draws nothing from r, so adding
// an unused delay does not shift the random stream.
func (d Delay) Sample(r *rand.Rand) time.Duration {
	v := d.Base
	switch {
	case d.Dist == Uniform && d.Spread > 0:
		v = addSat(v, time.Duration(r.Int64N(int64(d.Spread))))
	case d.Dist == Exponential && d.Spread > 0:
		v = addSat(v, time.Duration(min(r.ExpFloat64()*float64(d.Spread), math.MaxInt64/2)))
	}
	if d.Jitter > 0 {
		v = addSat(v, time.Duration(r.Int64N(int64(d.Jitter))))
	}
	return v
}

// Validate rejects negative durations, an unknown Dist, and a Spread on a
// Constant delay (almost certainly a forgotten Dist).
func (d Delay) Validate() error {
	if int(d.Dist) >= len(distNames) {
		return fmt.Errorf("faults: delay distribution %s is unknown", d.Dist)
	}
	for _, f := range []struct {
		name string
		v    time.Duration
	}{{"base", d.Base}, {"spread", d.Spread}, {"jitter", d.Jitter}} {
		if f.v < 0 {
			return fmt.Errorf("faults: delay %s %v is negative", f.name, f.v)
		}
	}
	if d.Dist == Constant && d.Spread != 0 {
		return fmt.Errorf("faults: delay spread %v needs a uniform or exponential distribution", d.Spread)
	}
	return nil
}

func (d Delay) String() string {
	s := d.Base.String()
	if d.Dist != Constant {
		s = fmt.Sprintf("%v+%s(%v)", d.Base, d.Dist, d.Spread)
	}
	if d.Jitter > 0 {
		s += fmt.Sprintf("+jitter(%v)", d.Jitter)
	}
	return s
}

// addSat adds two non-negative durations without wrapping around.
func addSat(a, b time.Duration) time.Duration {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

package faults

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// RandomSchedule plans a random nemesis for n nodes over length. The first
// fault comes at every plus jitter, leaving the cluster time to elect; then,
// every `every` plus a jitter in [0, every/4), it injects one fault drawn
// from names and heals it after a hold in [every/2, every), so faults never
// overlap. Everything is healed by length. The plan depends only on r.
func RandomSchedule(r *rand.Rand, n int, names []string, length, every time.Duration) (Schedule, error) {
	gens, err := lookupAll(names)
	if err != nil {
		return Schedule{}, err
	}
	switch {
	case r == nil:
		return Schedule{}, errors.New("faults: RandomSchedule needs a *rand.Rand")
	case n < 1:
		return Schedule{}, fmt.Errorf("faults: schedule for %d nodes needs at least 1", n)
	case length <= 0:
		return Schedule{}, fmt.Errorf("faults: schedule length %v must be positive", length)
	case every <= 0:
		return Schedule{}, fmt.Errorf("faults: schedule interval %v must be positive", every)
	}
	var s Schedule
	for at := every + jitter(r, every); at < length; at += every + jitter(r, every) {
		f := gens[r.IntN(len(gens))](r, n)
		hold := every/2 + time.Duration(r.Int64N(int64(every-every/2)))
		s.Ops = append(s.Ops, Op{At: at, Fault: f}, Op{At: min(at+hold, length), Fault: f, Heal: true})
	}
	return s, nil
}

func lookupAll(names []string) ([]Generator, error) {
	if len(names) == 0 {
		return nil, errors.New("faults: schedule needs at least one fault name")
	}
	gens := make([]Generator, len(names))
	for i, name := range names {
		g, err := Lookup(name)
		if err != nil {
			return nil, err
		}
		gens[i] = g
	}
	return gens, nil
}

// jitter draws from [0, every/4).
func jitter(r *rand.Rand, every time.Duration) time.Duration {
	if every/4 <= 0 {
		return 0
	}
	return time.Duration(r.Int64N(int64(every / 4)))
}

package pvcq_test

import (
	"testing"

	"github.com/ballot-go/ballot/impl"
)

func TestIgnoresInvalidInput(t *testing.T) {
	f := newFixture(t)
	f.follow(1)
	before := f.m.Status()
	for _, m := range []impl.Message{
		{From: 7, To: 0, Kind: impl.KindHeartbeat, Term: 9},   // a stranger
		{From: 0, To: 0, Kind: impl.KindVoteRequest, Term: 9}, // itself
		{From: 1, To: 2, Kind: impl.KindHeartbeat, Term: 9},   // someone else's
		{From: 1, To: 0, Kind: impl.KindOther, Term: 9},       // a kind it never sends
		{From: 1, To: 0, Kind: impl.Kind(200), Term: 9},
	} {
		f.m.Step(m)
	}
	if out := f.m.Ready(); len(out) != 0 || f.m.Status() != before {
		t.Errorf("invalid input changed the machine: sent %v, status %v -> %v", out, before, f.m.Status())
	}
}

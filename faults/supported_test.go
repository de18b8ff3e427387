package faults

import (
	"slices"
	"testing"
)

func TestNamesForLeavesOutWhatTheNetworkCannotDo(t *testing.T) {
	all := Capabilities{Pause: PauseFreezes, Skew: true, Messages: true, HalfOpen: true}
	if got := NamesFor(all); !slices.Equal(got, Names()) {
		t.Fatalf("a network that can do everything gets %v; want every fault %v", got, Names())
	}
	none := NamesFor(Capabilities{})
	for _, name := range append([]string{"skew", "half-open"}, MessageFaults...) {
		if slices.Contains(none, name) {
			t.Errorf("%s is offered to a network that cannot do it", name)
		}
		if ok, why := Supported(name, Capabilities{}); ok || why == "" {
			t.Errorf("Supported(%s) = %t, %q; want false with a reason", name, ok, why)
		}
	}
	if !slices.Contains(none, "isolate") {
		t.Error("isolate, which every network can do, is left out")
	}
}

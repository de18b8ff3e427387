package faults

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

var required = []string{
	"isolate", "isolate-leader", "halves", "leader-minority", "majorities-ring", "bridge",
	"one-way", "random-partition", "drop", "delay", "duplicate", "reorder", "crash",
	"crash-leader", "pause", "pause-leader", "skew", "half-open",
}

func TestRegistryHasEveryFault(t *testing.T) {
	names := Names()
	if !slices.IsSorted(names) {
		t.Errorf("Names not sorted: %v", names)
	}
	for _, name := range required {
		g, err := Lookup(name)
		if err != nil {
			t.Fatalf("Lookup(%q): %v", name, err)
		}
		for n := range 8 {
			if f := g(seeded(uint64(n)), n); f == nil || f.String() == "" {
				t.Errorf("%s generator gave %v for n=%d", name, f, n)
			}
		}
	}
}

func TestLookupUnknown(t *testing.T) {
	_, err := Lookup("partishun")
	if !errors.Is(err, ErrUnknownFault) {
		t.Fatalf("err = %v, want ErrUnknownFault", err)
	}
	want := `faults: unknown fault "partishun" (known: bridge, crash, crash-leader, `
	if !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "skew)") {
		t.Errorf("err = %q", err)
	}
}

func TestRegisterRejectsDuplicates(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("registering a name twice did not panic")
		}
	}()
	Register("crash", func(r *rand.Rand, n int) Fault { return nil })
}

package cli

import (
	"testing"
	"time"
)

func TestPercentileIsNearestRank(t *testing.T) {
	var ds []time.Duration
	for i := 60; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Second)
	}
	for p, want := range map[float64]time.Duration{50: 30 * time.Second, 99: 60 * time.Second, 100: 60 * time.Second, 1: time.Second} {
		if got, ok := percentile(ds, p); !ok || got != want {
			t.Errorf("p%v of 1..60 s = %v; want %v", p, got, want)
		}
	}
	if _, ok := percentile(nil, 50); ok {
		t.Error("a percentile of nothing was given")
	}
}

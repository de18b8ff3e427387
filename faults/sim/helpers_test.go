package sim_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
)

// recorder is a Tracer that keeps every callback as a line.
type recorder struct{ lines []string }

func (r *recorder) Status(at time.Duration, s impl.Status) {
	r.lines = append(r.lines, fmt.Sprintf("%v status %v", at, s))
}

func (r *recorder) Message(at time.Duration, ev sim.MessageEvent, m impl.Message, why string) {
	r.lines = append(r.lines, fmt.Sprintf("%v %v %v %s", at, ev, m, why))
}

func (r *recorder) Topology(at time.Duration, t faults.Topology, node int, why string) {
	r.lines = append(r.lines, fmt.Sprintf("%v topology node %d %s %+v", at, node, why, t))
}

func (r *recorder) Incident(in faults.Incident) {
	r.lines = append(r.lines, fmt.Sprintf("%v incident %+v", in.At, in))
}

// grep returns the lines containing every part.
func (r *recorder) grep(parts ...string) []string {
	var out []string
next:
	for _, l := range r.lines {
		for _, p := range parts {
			if !strings.Contains(l, p) {
				continue next
			}
		}
		out = append(out, l)
	}
	return out
}

// newProbes starts n probe nodes with a constant latency and a recorder.
func newProbes(t *testing.T, n int, latency time.Duration) (*sim.Sim, probes, *recorder) {
	t.Helper()
	ps, rec := probes{}, &recorder{}
	cfg := sim.Config{Nodes: n, Seed: 1, Factory: ps.factory, Tracer: rec}
	if latency > 0 {
		cfg.Latency.Base = latency
	}
	s, err := sim.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, ps, rec
}

func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

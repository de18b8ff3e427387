package networktest

import (
	"sync"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// topologyTracer keeps the topologies a network pushes.
type topologyTracer struct {
	mu     sync.Mutex
	pushed []pushed
}

type pushed struct {
	node int
	why  string
	t    faults.Topology
}

func (r *topologyTracer) Status(time.Duration, impl.Status) {}

func (r *topologyTracer) Message(time.Duration, faults.MessageEvent, impl.Message, string) {}

func (r *topologyTracer) Incident(faults.Incident) {}

func (r *topologyTracer) Topology(_ time.Duration, t faults.Topology, node int, why string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pushed = append(r.pushed, pushed{node, why, t})
}

// last is the last topology pushed, and how many were.
func (r *topologyTracer) last() (pushed, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.pushed) == 0 {
		return pushed{node: impl.None}, 0
	}
	return r.pushed[len(r.pushed)-1], len(r.pushed)
}

// first is the first topology pushed.
func (r *topologyTracer) first() pushed {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.pushed) == 0 {
		return pushed{node: impl.None}
	}
	return r.pushed[0]
}

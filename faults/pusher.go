package faults

import (
	"sync"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// Pusher hands a network's reports to its Tracer one at a time, stamped
// with the network's clock, for networks whose events come from many
// goroutines. A topology is read under the same lock, so topologies reach
// the tracer in the order they held. A nil Tracer hears nothing.
type Pusher struct {
	Tracer Tracer
	// Now is the network's clock; Topology its current topology, read
	// without the caller holding the network's own lock.
	Now      func() time.Duration
	Topology func() Topology
	mu       sync.Mutex
}

// Status reports a node's new status.
func (p *Pusher) Status(st impl.Status) {
	p.push(func() { p.Tracer.Status(p.Now(), st) })
}

// Message reports what happened to a message.
func (p *Pusher) Message(ev MessageEvent, m impl.Message, why string) {
	p.push(func() { p.Tracer.Message(p.Now(), ev, m, why) })
}

// Incident reports a panic, a leak, a node that stopped answering.
func (p *Pusher) Incident(in Incident) {
	p.push(func() { p.Tracer.Incident(in) })
}

// Changed reports the topology after a change about node (or impl.None),
// made by why.
func (p *Pusher) Changed(node int, why string) {
	p.push(func() { p.Tracer.Topology(p.Now(), p.Topology(), node, why) })
}

// StopAll reports, before a closing network stops anything, that no node
// runs from then on: no election is owed while it shuts down.
func (p *Pusher) StopAll() {
	p.push(func() { p.Tracer.Topology(p.Now(), p.Topology().Stopped(), impl.None, WhyStopAll) })
}

func (p *Pusher) push(report func()) {
	if p.Tracer == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	report()
}

package harness

import (
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
)

// recorder turns what the network reports into a checker.History. It is the
// only place where the fault layer's vocabulary meets the checkers'.
type recorder struct {
	events []checker.Event
	noWire bool
}

var messageTypes = map[sim.MessageEvent]checker.EventType{
	sim.Sent:      checker.Send,
	sim.Delivered: checker.Deliver,
	sim.Dropped:   checker.Drop,
}

// Status implements sim.Tracer.
func (r *recorder) Status(at time.Duration, s impl.Status) {
	r.events = append(r.events, checker.Event{At: at, Type: checker.Observe, Node: s.ID, Status: s})
}

// Message implements sim.Tracer.
func (r *recorder) Message(at time.Duration, ev sim.MessageEvent, m impl.Message, why string) {
	if r.noWire {
		return
	}
	m.Body = nil // bodies are opaque and may be large; the envelope is the evidence
	r.events = append(r.events, checker.Event{At: at, Type: messageTypes[ev], Node: m.From, Msg: m, Detail: why})
}

func (r *recorder) topology(at time.Duration, node int, net *checker.Net, why string) {
	r.events = append(r.events, checker.Event{At: at, Type: checker.Topology, Node: node, Net: net, Detail: why})
}

func (r *recorder) note(at time.Duration, text string) {
	r.events = append(r.events, checker.Event{At: at, Type: checker.Note, Node: impl.None, Detail: text})
}

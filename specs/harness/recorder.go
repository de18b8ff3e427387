package harness

import (
	"sync"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// recorder turns what the network reports into a checker.History. It is the
// only place where the fault layer's vocabulary meets the checkers'. Goroutine
// nodes report from many goroutines, so it locks.
type recorder struct {
	mu     sync.Mutex
	events []checker.Event
	noWire bool
	// shared is set while a snapshot may share events' backing array, so
	// that attribute does not rewrite what the snapshot holds.
	shared bool
}

var messageTypes = map[faults.MessageEvent]checker.EventType{
	faults.Sent:      checker.Send,
	faults.Delivered: checker.Deliver,
	faults.Dropped:   checker.Drop,
}

func (r *recorder) add(e checker.Event) {
	r.mu.Lock()
	r.events = append(r.events, e)
	r.mu.Unlock()
}

// snapshot returns the events so far; later events do not show in it.
func (r *recorder) snapshot() []checker.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.shared = true
	return r.events[:len(r.events):len(r.events)]
}

// Status implements sim.Tracer.
func (r *recorder) Status(at time.Duration, s impl.Status) {
	r.add(checker.Event{At: at, Type: checker.Observe, Node: s.ID, Status: s})
}

// Message implements sim.Tracer.
func (r *recorder) Message(at time.Duration, ev faults.MessageEvent, m impl.Message, why string) {
	if r.noWire {
		return
	}
	m.Body = nil // bodies are opaque and may be large; the envelope is the evidence
	r.add(checker.Event{At: at, Type: messageTypes[ev], Node: m.From, Msg: m, Detail: why})
}

// Topology implements faults.Tracer.
func (r *recorder) Topology(at time.Duration, t faults.Topology, node int, why string) {
	net := &checker.Net{Live: t.Live, Cut: t.Cut, Lossy: t.Lossy, Faulty: t.Faulty, Rate: t.Rates}
	r.add(checker.Event{At: at, Type: checker.Topology, Node: node, Net: net, Detail: why})
}

func (r *recorder) note(at time.Duration, text string) {
	r.add(checker.Event{At: at, Type: checker.Note, Node: impl.None, Detail: text})
}

var incidentTypes = map[faults.IncidentKind]checker.EventType{
	faults.IncidentPanic: checker.Panic,
	faults.IncidentLeak:  checker.Leak,
	faults.IncidentStuck: checker.Stuck,
	// A silent poll is a note on the timeline, not a finding.
	faults.IncidentSilent: checker.Note,
}

// Incident implements faults.Tracer.
func (r *recorder) Incident(in faults.Incident) {
	r.add(checker.Event{At: in.At, Type: incidentTypes[in.Kind], Node: in.Node, Detail: in.Detail})
}

// initialEvents is the recorder's first capacity: about what a minute of
// five nodes records, so that a short run grows its history few times.
const initialEvents = 8192

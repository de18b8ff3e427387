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

func (r *recorder) topology(at time.Duration, node int, net *checker.Net, why string) {
	r.add(checker.Event{At: at, Type: checker.Topology, Node: node, Net: net, Detail: why})
}

func (r *recorder) note(at time.Duration, text string) {
	r.add(checker.Event{At: at, Type: checker.Note, Node: impl.None, Detail: text})
}

// Leak implements rpcnet.Incidents.
func (r *recorder) Leak(at time.Duration, node int, stack string) {
	r.add(checker.Event{At: at, Type: checker.Leak, Node: node, Detail: stack})
}

// Stuck implements rpcnet.Incidents.
func (r *recorder) Stuck(at time.Duration, node int, detail string) {
	r.add(checker.Event{At: at, Type: checker.Stuck, Node: node, Detail: detail})
}

// Panic implements faults.PanicTracer.
func (r *recorder) Panic(p faults.Panic) {
	r.add(checker.Event{At: p.At, Type: checker.Panic, Node: p.Node, Detail: "in " + p.Call + ": " + p.Value + "\n" + p.Stack})
}

package faults

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// MessageEvent is what happened to a message on a simulated network.
type MessageEvent uint8

const (
	// Sent: a node emitted the message (before any fault).
	Sent MessageEvent = iota
	// Delivered: the message was handed to its receiver (once per copy).
	Delivered
	// Dropped: the message was lost; the tracer's why says how.
	Dropped
)

var messageEventNames = [...]string{Sent: "sent", Delivered: "delivered", Dropped: "dropped"}

func (e MessageEvent) String() string {
	if int(e) < len(messageEventNames) {
		return messageEventNames[e]
	}
	return fmt.Sprintf("event(%d)", uint8(e))
}

// Reasons a message is dropped, as passed to Tracer.Message.
const (
	WhyCut      = "cut"          // a grudge cuts the link (at send, or in flight when set)
	WhyRule     = "drop rule"    // a LinkRule's drop probability hit
	WhyCrashed  = "crashed"      // the receiver was down when it arrived
	WhyNoSuchTo = "no such node" // addressed outside the cluster
	WhyStopped  = "stopped"      // the sender stopped while the message was on its way
	WhyPaused   = "paused"       // a pause held the message past the call's timeout
)

// Tracer observes a run: every network reports to one, and the harness
// records what it hears as the history. Calls come one at a time, in the
// order the network saw the events.
type Tracer interface {
	// Status is called when a node's Status changed (compared with the last
	// one): after a step of a machine, a poll or a report of a goroutine
	// node, a crash (Role impl.Down, term kept) or a restart.
	Status(at time.Duration, s impl.Status)
	// Message is called for each message event; why is set for Dropped.
	Message(at time.Duration, ev MessageEvent, m impl.Message, why string)
	// Topology is called when the network starts and after every change to
	// it, whatever made the change: a fault, the harness, a node that
	// panicked and is treated as crashed. node is the node the change is
	// about, or impl.None; why is the operation ("crash", "grudge set") or
	// one of the Why constants.
	Topology(at time.Duration, t Topology, node int, why string)
	// Incident is called for what an implementation did wrong outside the
	// protocol: a panic, a goroutine left running after Stop, a node that
	// stopped answering.
	Incident(in Incident)
}

// IncidentKind says what an Incident is.
type IncidentKind uint8

const (
	// IncidentPanic: the node panicked inside a call of the network's; the
	// network treats it as a crash.
	IncidentPanic IncidentKind = iota
	// IncidentLeak: a goroutine of a stopped node still runs after the
	// grace period. Detail is its stack.
	IncidentLeak
	// IncidentStuck: the node stopped answering (Stop, State or a handler
	// never returned). Detail says what, with its goroutines.
	IncidentStuck
	// IncidentSilent: a running node did not answer a poll in time, so its
	// status is unknown for a while (a process under load, say). It is
	// recorded for the reader, not judged: nothing about the protocol
	// follows from it.
	IncidentSilent
)

// Incident is one report of an implementation misbehaving outside the
// protocol, with what a report needs to explain it.
type Incident struct {
	Kind   IncidentKind
	Node   int
	At     time.Duration
	Detail string
}

// PanicIncident is the Incident that reports p.
func PanicIncident(p Panic) Incident {
	return Incident{Kind: IncidentPanic, Node: p.Node, At: p.At, Detail: "in " + p.Call + ": " + p.Value + "\n" + p.Stack}
}

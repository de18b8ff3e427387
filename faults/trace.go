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

// Tracer observes a run: the Machine simulator and the goroutine network
// report to one, and the harness records what it hears as the history.
type Tracer interface {
	// Status is called when a node's Status changed (compared with the last
	// one): after a step of a machine, a poll or a report of a goroutine
	// node, a crash (Role impl.Down, term kept) or a restart.
	Status(at time.Duration, s impl.Status)
	// Message is called for each message event; why is set for Dropped.
	Message(at time.Duration, ev MessageEvent, m impl.Message, why string)
}

// PanicTracer is a Tracer that also hears of implementation panics, as they
// are caught: a network tells it before it treats the panic as a crash.
type PanicTracer interface {
	Panic(p Panic)
}

package sim

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// MessageEvent is what happened to a message.
type MessageEvent uint8

const (
	// Sent: a machine emitted the message from Ready.
	Sent MessageEvent = iota
	// Delivered: the message was handed to Step (once per copy).
	Delivered
	// Dropped: the message was lost; the tracer's why says how.
	Dropped
)

var eventNames = [...]string{Sent: "sent", Delivered: "delivered", Dropped: "dropped"}

func (e MessageEvent) String() string {
	if int(e) < len(eventNames) {
		return eventNames[e]
	}
	return fmt.Sprintf("event(%d)", uint8(e))
}

// Reasons a message is dropped, as passed to Tracer.Message.
const (
	WhyCut      = "cut"          // a grudge cuts the link (at send, or in flight when set)
	WhyRule     = "drop rule"    // a LinkRule's drop probability hit
	WhyCrashed  = "crashed"      // the receiver was down when it arrived
	WhyNoSuchTo = "no such node" // addressed outside the cluster
)

// Tracer observes a run. Calls come from the simulation loop, in order; a
// tracer that records them gets the run's full history, which is identical
// for identical seeds, configs and API calls.
type Tracer interface {
	// Status is called when a node's Status changed (compared with the last
	// one) after a Tick, Step, crash (Role impl.Down, term kept) or restart.
	Status(at time.Duration, s impl.Status)
	// Message is called for each message event; why is set for Dropped.
	Message(at time.Duration, ev MessageEvent, m impl.Message, why string)
}

// Stats counts what the simulator did. Every copy of a duplicated message
// counts once in Delivered or Dropped, so Sent + Duplicated = Delivered +
// Dropped + messages still in flight or queued at a paused node.
type Stats struct {
	Sent       uint64
	Delivered  uint64
	Dropped    uint64
	Duplicated uint64
	Ticks      uint64 // calls to Machine.Tick, over all nodes
}

package checker

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// EventType says what an Event records.
type EventType uint8

const (
	// Observe records a node's Status after it changed. Machines are read
	// after every Tick and Step, so for them the record is exact.
	Observe EventType = iota
	// Send records a message as its sender emitted it, before any fault.
	Send
	// Deliver records a message handed to its receiver.
	Deliver
	// Drop records a message the network lost; Detail says why.
	Drop
	// Topology records the network after a fault was injected or healed,
	// or a node crashed, restarted, paused or resumed. Net holds the new state.
	Topology
	// Leak records a goroutine of Node still alive after it stopped; Detail holds its stack.
	Leak
	// Stuck records a node that stopped answering or a frozen clock; Detail holds the stacks.
	Stuck
	// Note is free text from the harness (a step of a scenario), kept for the timeline.
	Note
	// Log is one line a node logged (through the hclog logger it was given);
	// Detail holds it. Checkers ignore it; the timeline shows it on the
	// node's lane, so that authors can annotate their own code.
	Log
	// Panic records an implementation call that panicked; Node is the
	// node, Detail the value and the stack. The network treated it as a
	// crash of the node; NoPanic fails the run.
	Panic
)

var eventNames = [...]string{Observe: "observe", Send: "send", Deliver: "deliver", Drop: "drop", Topology: "topology", Leak: "leak", Stuck: "stuck", Note: "note", Log: "log", Panic: "panic"}

func (t EventType) String() string {
	if int(t) < len(eventNames) {
		return eventNames[t]
	}
	return fmt.Sprintf("event(%d)", uint8(t))
}

// MarshalText lets event types appear by name in JSON.
func (t EventType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText parses an event type by name.
func (t *EventType) UnmarshalText(b []byte) error {
	for i, name := range eventNames {
		if name == string(b) {
			*t = EventType(i)
			return nil
		}
	}
	return fmt.Errorf("checker: unknown event type %q", b)
}

// Event is one entry of a History. It is a flat struct, not an interface,
// so that a million of them stay cheap to record and to scan.
type Event struct {
	At   time.Duration `json:"at"` // since the start of the run, virtual or real
	Type EventType     `json:"type"`
	Node int           `json:"node"` // the observed node, the sender, or the node a fault hit
	// Status is set for Observe.
	Status impl.Status `json:"status,omitzero"`
	// Msg is set for Send, Deliver and Drop (without its body).
	Msg impl.Message `json:"msg,omitzero"`
	// Net is set for Topology. It is shared and must not be modified.
	Net *Net `json:"net,omitempty"`
	// Detail is free text: the fault's description, a stack, a note.
	Detail string `json:"detail,omitempty"`
}

func (e Event) String() string {
	switch e.Type {
	case Observe:
		return fmt.Sprintf("%v observe %v", e.At, e.Status)
	case Send, Deliver, Drop:
		return fmt.Sprintf("%v %s %v %s", e.At, e.Type, e.Msg, e.Detail)
	default:
		return fmt.Sprintf("%v %s n%d %s", e.At, e.Type, e.Node, e.Detail)
	}
}

// Net is the state of the cluster's network and nodes at one moment.
type Net struct {
	// Live[i] is false while node i is crashed, stopped or paused.
	Live []bool `json:"live"`
	// Cut[i][j] is true when messages from i to j are all lost.
	Cut [][]bool `json:"cut"`
	// Lossy[i][j] is true when a link rule drops, delays or duplicates some
	// messages from i to j. The link still works, but liveness checkers do
	// not count on it.
	Lossy [][]bool `json:"lossy,omitempty"`
	// Faulty is true while any fault is active, including link rules that
	// only drop, delay or duplicate some messages.
	Faulty bool `json:"faulty"`
	// Rate[i] is how fast node i's clock runs (1 is normal speed; a skew
	// fault changes it). Nil, or a missing or zero entry, means 1.
	Rate []float64 `json:"rate,omitempty"`
}

// History is everything a run recorded, in time order.
type History struct {
	Nodes  int     `json:"nodes"`
	Seed   uint64  `json:"seed"`
	Events []Event `json:"events"`
}

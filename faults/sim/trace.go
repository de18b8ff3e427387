package sim

import "github.com/ballot-go/ballot/faults"

// The simulator reports to the fault layer's Tracer; these names keep the
// simulator's API self-contained. Calls come from the simulation loop, in
// order; a tracer that records them gets the run's full history, which is
// identical for identical seeds, configs and API calls.
type (
	MessageEvent = faults.MessageEvent
	Tracer       = faults.Tracer
)

const (
	Sent      = faults.Sent
	Delivered = faults.Delivered
	Dropped   = faults.Dropped

	WhyCut      = faults.WhyCut
	WhyRule     = faults.WhyRule
	WhyCrashed  = faults.WhyCrashed
	WhyNoSuchTo = faults.WhyNoSuchTo
)

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

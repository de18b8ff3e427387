package harness

import (
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/faults"
)

// The network pushes a Topology event after each change it makes, labelled
// with its own operation ("grudge set"). What the harness did is better
// evidence ("disconnect [2]", "inject isolate-leader n2"), so after each of
// its operations the harness relabels the changes the operation made, and
// keeps only the last of them: one operation, one Topology event, showing
// the network as the operation left it. Changes a node made itself (a
// panic treated as a crash) keep the network's label.

// mark is where the harness's next operation begins in the history.
func (r *recorder) mark() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.events)
}

// attribute relabels the topology changes pushed since mark with node and
// why, keeping the last at the time it was pushed (in real time the clock
// moves on while the operation runs). If the operation changed nothing the
// network reports, the last known topology is recorded again at time at,
// under the operation's label, so that every operation shows in the history.
func (r *recorder) attribute(mark int, at time.Duration, node int, why string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	last := -1
	for i := mark; i < len(r.events); i++ {
		if ownedByOperation(r.events[i]) {
			last = i
		}
	}
	if last < 0 {
		r.events = append(r.events, checker.Event{At: at, Type: checker.Topology, Node: node, Net: r.lastNet(), Detail: why})
		return
	}
	kept := r.events[:mark]
	if r.shared {
		// A new backing array: a snapshot taken earlier keeps what it saw.
		// Otherwise the events are compacted in place: copying the whole
		// history after every operation made long runs quadratic.
		kept, r.shared = r.events[:mark:mark], false
	}
	for i := mark; i < len(r.events); i++ {
		e := r.events[i]
		if i == last {
			e.Node, e.Detail = node, why
		} else if ownedByOperation(e) {
			continue
		}
		kept = append(kept, e)
	}
	r.events = kept
}

// ownedByOperation: a Topology event the network pushed for an operation,
// as opposed to one it pushed on its own.
func ownedByOperation(e checker.Event) bool {
	if e.Type != checker.Topology {
		return false
	}
	switch e.Detail {
	case faults.WhyStart, faults.WhyStopAll, faults.WhyPanicked:
		return false
	}
	return true
}

// lastNet is the last topology recorded (r.mu held).
func (r *recorder) lastNet() *checker.Net {
	for i := len(r.events) - 1; i >= 0; i-- {
		if e := r.events[i]; e.Type == checker.Topology {
			return e.Net
		}
	}
	return nil
}

package rpcnet

import (
	"fmt"
	"runtime/debug"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

func (n *Network) traceStatus(st impl.Status) {
	if n.cfg.Tracer == nil {
		return
	}
	n.traceMu.Lock()
	defer n.traceMu.Unlock()
	n.cfg.Tracer.Status(n.Now(), st)
}

func (n *Network) traceMsg(ev faults.MessageEvent, m impl.Message, why string) {
	if n.cfg.Tracer == nil || m.Kind == skipKind {
		return
	}
	n.traceMu.Lock()
	defer n.traceMu.Unlock()
	n.cfg.Tracer.Message(n.Now(), ev, m, why)
}

// stuck reports node i (incarnation inc) as stuck, with its goroutines.
func (n *Network) stuck(i int, what string, inc int) {
	detail := fmt.Sprintf("%s; its goroutines:\n%s", what, n.nodeStacks(i, inc))
	// Info, not Error: NoStuck reports it, with the stacks; the line is for
	// those who follow a run's log.
	n.log.Info("node stuck", "node", i, "what", what)
	n.traceIncident(faults.Incident{Kind: faults.IncidentStuck, Node: i, At: n.Now(), Detail: detail})
}

func (n *Network) leak(i int, stack string) {
	n.traceIncident(faults.Incident{Kind: faults.IncidentLeak, Node: i, At: n.Now(), Detail: stack})
}

func (n *Network) traceIncident(in faults.Incident) {
	if n.cfg.Tracer == nil {
		return
	}
	n.traceMu.Lock()
	defer n.traceMu.Unlock()
	n.cfg.Tracer.Incident(in)
}

// traceTopology tells the tracer the network changed, and why. It takes
// the snapshot under the tracer lock, so that topologies reach the tracer
// in the order they held. The caller must not hold n.mu.
func (n *Network) traceTopology(node int, why string) {
	if n.cfg.Tracer == nil {
		return
	}
	n.traceMu.Lock()
	defer n.traceMu.Unlock()
	n.cfg.Tracer.Topology(n.Now(), n.Topology(), node, why)
}

// recoverPanic is deferred around calls into a node made on the
// framework's goroutines (handlers, State, Stop): a panic there becomes a
// crash of that node and a record for the harness, never a crash of the
// test binary. Panics in the node's own goroutines cannot be caught.
func (n *Network) recoverPanic(i int, call string) {
	v := recover()
	if v == nil {
		return
	}
	p := faults.Panic{Node: i, At: n.Now(), Call: call, Value: fmt.Sprint(v), Stack: string(debug.Stack())}
	n.mu.Lock()
	n.panics = append(n.panics, p)
	n.mu.Unlock()
	n.traceIncident(faults.PanicIncident(p))
	n.log.Info("node panicked; treating it as a crash", "node", i, "panic", v)
	if n.stopMember(i, "panic") {
		n.traceTopology(i, faults.WhyPanicked)
	}
}

// Panics lists every panic caught in a node's code so far.
func (n *Network) Panics() []faults.Panic {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]faults.Panic(nil), n.panics...)
}

// traceStopAll tells the tracer, before Close stops anything, that no node
// runs from now on: the leak grace may stretch the history on, and no
// election is owed meanwhile.
func (n *Network) traceStopAll() {
	if n.cfg.Tracer == nil {
		return
	}
	n.traceMu.Lock()
	defer n.traceMu.Unlock()
	n.cfg.Tracer.Topology(n.Now(), n.Topology().Stopped(), impl.None, faults.WhyStopAll)
}

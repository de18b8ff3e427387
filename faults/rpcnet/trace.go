package rpcnet

import (
	"fmt"
	"runtime/debug"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

func (n *Net) traceStatus(st impl.Status) {
	if n.cfg.Tracer == nil {
		return
	}
	n.traceMu.Lock()
	defer n.traceMu.Unlock()
	n.cfg.Tracer.Status(n.Now(), st)
}

func (n *Net) traceMsg(ev faults.MessageEvent, m impl.Message, why string) {
	if n.cfg.Tracer == nil || m.Kind == skipKind {
		return
	}
	n.traceMu.Lock()
	defer n.traceMu.Unlock()
	n.cfg.Tracer.Message(n.Now(), ev, m, why)
}

// stuck reports node i (incarnation inc) as stuck, with its goroutines.
func (n *Net) stuck(i int, what string, inc int) {
	detail := fmt.Sprintf("%s; its goroutines:\n%s", what, n.nodeStacks(i, inc))
	// Info, not Error: NoStuck reports it, with the stacks; the line is for
	// those who follow a run's log.
	n.log.Info("node stuck", "node", i, "what", what)
	if inc, ok := n.cfg.Tracer.(Incidents); ok {
		n.traceMu.Lock()
		defer n.traceMu.Unlock()
		inc.Stuck(n.Now(), i, detail)
	}
}

func (n *Net) leak(i int, stack string) {
	if inc, ok := n.cfg.Tracer.(Incidents); ok {
		n.traceMu.Lock()
		defer n.traceMu.Unlock()
		inc.Leak(n.Now(), i, stack)
	}
}

// recoverPanic is deferred around calls into a node made on the
// framework's goroutines (handlers, State, Stop): a panic there becomes a
// crash of that node and a record for the harness, never a crash of the
// test binary. Panics in the node's own goroutines cannot be caught.
func (n *Net) recoverPanic(i int, call string) {
	v := recover()
	if v == nil {
		return
	}
	p := faults.Panic{Node: i, At: n.Now(), Call: call, Value: fmt.Sprint(v), Stack: string(debug.Stack())}
	n.mu.Lock()
	n.panics = append(n.panics, p)
	n.mu.Unlock()
	if pt, ok := n.cfg.Tracer.(faults.PanicTracer); ok {
		n.traceMu.Lock()
		pt.Panic(p)
		n.traceMu.Unlock()
	}
	n.log.Info("node panicked; treating it as a crash", "node", i, "panic", v)
	n.stopMember(i, "panic")
}

// Panics lists every panic caught in a node's code so far.
func (n *Net) Panics() []faults.Panic {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]faults.Panic(nil), n.panics...)
}

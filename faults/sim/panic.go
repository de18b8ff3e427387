package sim

import (
	"fmt"
	"runtime/debug"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// Panic records a machine that panicked; the simulator treats it as a crash
// of that node.
type Panic = faults.Panic

// Panics lists every machine panic so far, in order.
func (s *Sim) Panics() []Panic { return s.panics }

// Every call into a machine goes through one of these. They mark which
// node is being called instead of deferring a recover each: the hot loop
// makes millions of such calls a second, so one recover guards a whole run
// (see guard) and pins a panic on the node marked.

func (s *Sim) tickNode(i int) {
	s.calling, s.call = i, "Tick"
	s.nodes[i].m.Tick()
	s.calling = -1
}

func (s *Sim) stepNode(i int, m impl.Message) {
	s.calling, s.call = i, "Step"
	s.nodes[i].m.Step(m)
	s.calling = -1
}

func (s *Sim) readyNode(i int) []impl.Message {
	s.calling, s.call = i, "Ready"
	out := s.nodes[i].m.Ready()
	s.calling = -1
	return out
}

// statusNode reads node i's status; a crashed node reports Down with its
// last known term.
func (s *Sim) statusNode(i int) impl.Status {
	nd := &s.nodes[i]
	if nd.crashed {
		return impl.DownStatus(i, nd.downTerm)
	}
	s.calling, s.call = i, "Status"
	st := nd.m.Status()
	s.calling = -1
	return st
}

// guard runs f and turns a panic raised by a machine inside it into a crash
// of that node, reporting whether one happened. Any other panic is the
// framework's own bug and goes on unwinding.
func (s *Sim) guard(f func()) (panicked bool) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if s.calling < 0 {
			panic(v)
		}
		i := s.calling
		s.calling = -1
		s.machinePanicked(i, v, debug.Stack())
		panicked = true
	}()
	f()
	return false
}

func (s *Sim) machinePanicked(i int, v any, stack []byte) {
	nd := &s.nodes[i]
	p := Panic{Node: i, At: s.now, Call: s.call, Value: fmt.Sprint(v), Stack: string(stack)}
	s.panics = append(s.panics, p)
	if s.tracer != nil {
		s.tracer.Incident(faults.PanicIncident(p))
	}
	s.log.Info("machine panicked; treating it as a crash", "node", i, "at", s.now, "panic", v)
	nd.downTerm = nd.last.Term
	nd.m, nd.crashed, nd.paused = nil, true, false
	for _, m := range nd.inbox {
		s.drop(m, WhyCrashed)
	}
	nd.inbox = nil
	s.traceStatus(i)
	s.traceTopology(i, faults.WhyPanicked)
}

package sim

import (
	"fmt"
	"runtime/debug"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// Panic records a machine that panicked. The simulator treats it as a crash
// of that node, so the run goes on and the framework never panics because
// an implementation did; the harness fails the run with this record.
type Panic struct {
	Node  int
	At    time.Duration
	Value string
	Stack string
}

func (p Panic) String() string {
	return fmt.Sprintf("node %d panicked at %v: %s\n%s", p.Node, p.At, p.Value, p.Stack)
}

// Panics lists every machine panic so far, in order.
func (s *Sim) Panics() []Panic { return s.panics }

// Every call into a machine goes through one of these, so that a panic is
// caught where it happens and pinned on the node that raised it.

func (s *Sim) tickNode(i int) {
	defer s.recoverNode(i)
	s.nodes[i].m.Tick()
}

func (s *Sim) stepNode(i int, m impl.Message) {
	defer s.recoverNode(i)
	s.nodes[i].m.Step(m)
}

func (s *Sim) readyNode(i int) (out []impl.Message) {
	defer s.recoverNode(i)
	return s.nodes[i].m.Ready()
}

// statusNode reads node i's status; a crashed node, or one whose Status
// panics, reports Down with its last known term.
func (s *Sim) statusNode(i int) (st impl.Status) {
	nd := &s.nodes[i]
	if !nd.crashed {
		func() {
			defer s.recoverNode(i)
			st = nd.m.Status()
		}()
	}
	if nd.crashed {
		return downStatus(i, nd.downTerm)
	}
	return st
}

// recoverNode is deferred around machine calls: recover must be called by
// the deferred function itself.
func (s *Sim) recoverNode(i int) {
	if v := recover(); v != nil {
		s.machinePanicked(i, v, debug.Stack())
	}
}

func (s *Sim) machinePanicked(i int, v any, stack []byte) {
	nd := &s.nodes[i]
	s.panics = append(s.panics, Panic{Node: i, At: s.now, Value: fmt.Sprint(v), Stack: string(stack)})
	s.log.Error("machine panicked; treating it as a crash", "node", i, "at", s.now, "panic", v)
	nd.downTerm = nd.last.Term
	nd.m, nd.crashed, nd.paused = nil, true, false
	for _, m := range nd.inbox {
		s.drop(m, WhyCrashed)
	}
	nd.inbox = nil
	s.traceStatus(i)
}

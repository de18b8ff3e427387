package porc

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/impl"
)

// DefaultWidth is the default width of an operation: how far apart two
// observations must be for porcupine to order them. It absorbs clocks that
// are not perfectly ordered (polled goroutine nodes, events recorded within
// one simulator tick); set it above the polling interval for goroutine runs.
const DefaultWidth = time.Millisecond

// Claim is a porcupine operation's input: node led term at the operation's
// time. Begin marks the observation that started the claim; otherwise the
// claim was still held then (the instant its node was next observed
// otherwise, or the end of the history).
type Claim struct {
	Node  int
	Term  uint64
	Begin bool
	Event int // index in the history of the event that fixed the time
	Since int // index of the observation that began the claim
}

func (c Claim) String() string {
	if c.Begin {
		return fmt.Sprintf("n%d leads t%d", c.Node, c.Term)
	}
	return fmt.Sprintf("n%d still leads t%d", c.Node, c.Term)
}

// Operations turns the leadership claims in h into porcupine operations.
// A claim of node n in term t runs from an observation of n as Leader of t
// until n is next observed in another role or term (or the history ends).
// Its two ends become operations [T, T+width] at the start time T and at the
// end time T; Call and Return are nanoseconds of the run. ClientId is the
// node, and observations of negative node ids are ignored.
func Operations(h checker.History, width time.Duration) []porcupine.Operation {
	if width < 0 {
		width = 0
	}
	b := opBuilder{width: width, open: make(map[int]Claim)}
	for i := range h.Events {
		e := &h.Events[i]
		if e.Type != checker.Observe || e.Node < 0 {
			continue
		}
		b.observe(i, e)
	}
	if n := len(h.Events); n > 0 {
		b.closeAll(n-1, h.Events[n-1].At)
	}
	return b.ops
}

type opBuilder struct {
	width time.Duration
	open  map[int]Claim // by node: its current claim
	ops   []porcupine.Operation
}

func (b *opBuilder) observe(i int, e *checker.Event) {
	c, held := b.open[e.Node]
	leads := e.Status.Role == impl.Leader
	if held && leads && c.Term == e.Status.Term {
		return // the same claim, observed again
	}
	if held {
		b.close(c, i, e.At)
	}
	if leads {
		c = Claim{Node: e.Node, Term: e.Status.Term, Begin: true, Event: i, Since: i}
		b.open[e.Node] = c
		b.add(c, e.At)
	}
}

func (b *opBuilder) close(c Claim, i int, at time.Duration) {
	delete(b.open, c.Node)
	c.Begin, c.Event = false, i
	b.add(c, at)
}

// closeAll ends the claims still held when the history ends, in node
// order so that the operations are deterministic.
func (b *opBuilder) closeAll(last int, at time.Duration) {
	for _, n := range slices.Sorted(maps.Keys(b.open)) {
		b.close(b.open[n], last, at)
	}
}

func (b *opBuilder) add(c Claim, at time.Duration) {
	b.ops = append(b.ops, porcupine.Operation{
		ClientId: c.Node,
		Input:    c,
		Call:     int64(at),
		Return:   int64(at + b.width),
	})
}

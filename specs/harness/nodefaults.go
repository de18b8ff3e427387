package harness

import (
	"fmt"
	"reflect"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// Crash stops node n. Only its Storage survives; Restart brings it back.
func (c *Cluster) Crash(n int) error {
	return c.nodeOp(n, "crash", "", c.b.Crash)
}

// Restart builds node n afresh from its Storage.
func (c *Cluster) Restart(n int) error {
	return c.nodeOp(n, "restart", "", c.b.Restart)
}

// Pause holds node n: messages to it queue until Resume. What happens to
// its timers is the network's Capabilities().Pause, and the history's
// label for the operation says which: a Machine's clock stops, a goroutine
// node's timers run.
func (c *Cluster) Pause(n int) error {
	note := ""
	if p := c.b.Capabilities().Pause; p != faults.PauseFreezes {
		note = fmt.Sprintf(" (%v)", p)
	}
	return c.nodeOp(n, "pause", note, c.b.Pause)
}

// Resume undoes Pause.
func (c *Cluster) Resume(n int) error {
	return c.nodeOp(n, "resume", "", c.b.Resume)
}

// nodeOp runs op on node n and labels what it changed "name n", followed
// by note.
func (c *Cluster) nodeOp(n int, name, note string, op func(int) error) error {
	if err := c.checkNode(n); err != nil {
		return err
	}
	return c.labelled(n, func() (string, error) {
		if err := op(n); err != nil {
			return "", fmt.Errorf("harness: %s node %d: %w", name, n, err)
		}
		return fmt.Sprintf("%s %d%s", name, n, note), nil
	})
}

// Inject starts fault f; HealFault ends it.
func (c *Cluster) Inject(f faults.Fault) error {
	if isNil(f) {
		return errNilFault("Inject")
	}
	return c.labelled(impl.None, func() (string, error) {
		if err := f.Inject(c.b); err != nil {
			return "", fmt.Errorf("harness: inject %v: %w", f, err)
		}
		return "inject " + f.String(), nil
	})
}

// HealFault ends a fault started with Inject.
func (c *Cluster) HealFault(f faults.Fault) error {
	if isNil(f) {
		return errNilFault("HealFault")
	}
	return c.labelled(impl.None, func() (string, error) {
		if err := f.Heal(c.b); err != nil {
			return "", fmt.Errorf("harness: heal %v: %w", f, err)
		}
		return "heal " + f.String(), nil
	})
}

// RunSchedule plays a nemesis schedule from the current time. The schedule
// always ends healed.
func (c *Cluster) RunSchedule(s faults.Schedule) error {
	start := c.b.Now()
	// One mark serves, moved on after every op: between two ops only a
	// node's panic pushes a topology, and that keeps its own label.
	mark := c.rec.mark()
	return s.Run(c.b, offsetClock{c.b, start}, func(op faults.Op, err error) {
		verb := "inject "
		if op.Heal {
			verb = "heal "
		}
		if err != nil {
			c.Note("%s%v failed: %v", verb, op.Fault, err)
		} else {
			c.relabel(mark, impl.None, verb+op.Fault.String())
		}
		mark = c.rec.mark()
	})
}

// offsetClock lets a schedule that starts at zero run from any moment.
type offsetClock struct {
	b     faults.Network
	start time.Duration
}

func (o offsetClock) Now() time.Duration     { return o.b.Now() - o.start }
func (o offsetClock) RunFor(d time.Duration) { o.b.RunFor(d) }

func errNilFault(call string) error {
	return fmt.Errorf("harness: %s(nil): give a fault, such as one from faults.NewIsolate or faults.Lookup", call)
}

// isNil sees through an interface holding a nil pointer, which a failed
// constructor returns beside its error.
func isNil(f faults.Fault) bool {
	if f == nil {
		return true
	}
	v := reflect.ValueOf(f)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

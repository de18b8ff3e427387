package faults

import (
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"time"
)

// Op is one step of a nemesis: inject Fault, or heal it, at time At.
type Op struct {
	At    time.Duration
	Fault Fault
	Heal  bool
}

func (o Op) String() string {
	verb := "inject"
	if o.Heal {
		verb = "heal"
	}
	return fmt.Sprintf("%v %s %s", o.At, verb, o.Fault)
}

// Schedule is a nemesis plan: ops sorted by At, ties kept in order.
type Schedule struct {
	Ops []Op
}

// Clock is the time source a schedule runs against; the simulator is one.
// RunFor lets the system run, faults and all, for d.
type Clock interface {
	Now() time.Duration
	RunFor(d time.Duration)
}

// Merge interleaves two schedules by time; at equal times a's ops come first.
// Neither input is modified.
func Merge(a, b Schedule) Schedule {
	ops := slices.Concat(a.Ops, b.Ops)
	slices.SortStableFunc(ops, func(x, y Op) int { return cmp.Compare(x.At, y.At) })
	return Schedule{Ops: ops}
}

// Run plays the schedule on t: it advances c to each op's At and applies the
// op. Then it heals every fault injected and not yet healed, most recent
// first, so a run always ends healed even if the schedule forgot a heal.
// onOp (may be nil) sees every op, including those final heals, with its
// error. Run never stops early; it returns the errors of all failed ops,
// joined. An op whose At has already passed runs at once.
func (s Schedule) Run(t Target, c Clock, onOp func(Op, error)) error {
	var errs []error
	var active []Fault
	apply := func(op Op) error {
		err := applyOp(t, op)
		if onOp != nil {
			onOp(op, err)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%v: %w", op, err))
		}
		return err
	}
	for _, op := range s.Ops {
		if d := op.At - c.Now(); d > 0 {
			c.RunFor(d)
		}
		err := apply(op)
		switch {
		case op.Heal:
			active = removeLast(active, op.Fault) // a failed heal is reported, not retried
		case err == nil:
			active = append(active, op.Fault)
		}
	}
	for _, f := range slices.Backward(active) {
		apply(Op{At: c.Now(), Fault: f, Heal: true})
	}
	return errors.Join(errs...)
}

func applyOp(t Target, op Op) error {
	if op.Fault == nil {
		return errors.New("faults: op has no fault")
	}
	if op.Heal {
		return op.Fault.Heal(t)
	}
	return op.Fault.Inject(t)
}

// removeLast drops the most recent occurrence of f from active.
func removeLast(active []Fault, f Fault) []Fault {
	for i := len(active) - 1; i >= 0; i-- {
		if sameFault(active[i], f) {
			return slices.Delete(active, i, i+1)
		}
	}
	return active
}

// sameFault compares faults by identity without panicking on a fault type
// that is not comparable (a struct value with a slice field, say).
func sameFault(a, b Fault) bool {
	if a == nil || b == nil || reflect.TypeOf(a) != reflect.TypeOf(b) {
		return a == nil && b == nil
	}
	if !reflect.TypeOf(a).Comparable() {
		return false
	}
	return a == b
}

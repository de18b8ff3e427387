package checker

import (
	"fmt"
	"slices"
	"strings"
)

// MaxViolations caps the findings one Result carries; the rest are only
// counted in Result.Suppressed. The first findings of a broken run are the
// telling ones, and a million-event history can hold thousands of repeats.
const MaxViolations = 20

// Evidence windows hold this many events before and after the deciding one,
// plus the specific events a finding rests on, however far away they are.
const (
	windowBefore = 10
	windowAfter  = 5
)

// report collects one checker's findings.
type report struct {
	events     []Event
	violations []Violation
	suppressed int
}

func newReport(h History) *report { return &report{events: h.Events} }

// room says whether another finding will be kept. When it will not, the
// finding is counted and the caller skips building it: formatting is the
// costly part and a broken history may produce a finding per event.
func (r *report) room() bool {
	if len(r.violations) < MaxViolations {
		return true
	}
	r.suppressed++
	return false
}

// add records v with the window around events[decide] and the events at the
// indices in also.
func (r *report) add(v Violation, decide int, also ...int) {
	v.Window = Window(r.events, decide, also...)
	r.violations = append(r.violations, v)
}

func (r *report) result(name string) Result {
	res := Result{Checker: name, Outcome: Ok, Violations: r.violations, Suppressed: r.suppressed}
	if len(r.violations) > 0 {
		res.Outcome = Violated
	}
	return res
}

func unknown(name, reason string) Result {
	return Result{Checker: name, Outcome: Unknown, Reason: reason}
}

// Window copies the events around events[decide] (up to 10 before and 5
// after) and those at the indices in also, however far away, in history
// order: the evidence window of a Violation.
func Window(events []Event, decide int, also ...int) []Event {
	if len(events) == 0 {
		return nil
	}
	decide = min(max(decide, 0), len(events)-1)
	lo, hi := max(0, decide-windowBefore), min(len(events)-1, decide+windowAfter)
	idx := make([]int, 0, hi-lo+1+len(also))
	for i := lo; i <= hi; i++ {
		idx = append(idx, i)
	}
	for _, a := range also {
		if a >= 0 && a < len(events) && (a < lo || a > hi) {
			idx = append(idx, a)
		}
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	out := make([]Event, len(idx))
	for i, j := range idx {
		out[i] = events[j]
	}
	return out
}

// disorder reports the first index whose time goes backwards, or -1. Checkers
// that measure time between events refuse such histories rather than guess.
func disorder(h History) int {
	for i := 1; i < len(h.Events); i++ {
		if h.Events[i].At < h.Events[i-1].At {
			return i
		}
	}
	return -1
}

func disorderReason(h History, i int) string {
	return fmt.Sprintf("history not in time order: event %d at %v follows one at %v",
		i, h.Events[i].At, h.Events[i-1].At)
}

// nodeSet formats node ids as "{0, 1, 3}".
func nodeSet(ids []int) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprint(id)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

package porc

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/ballot-go/ballot/checker"
)

// LeaseChecker is the lease check as a checker.Checker, for checker.Run.
type LeaseChecker struct {
	// Width is the width of each operation; 0 means DefaultWidth.
	Width time.Duration
	// Timeout bounds porcupine's search; 0 means no bound. On timeout the
	// result is Unknown.
	Timeout time.Duration
}

func (LeaseChecker) Name() string { return "LeaderLease" }

// CheckLeases checks h against LeaseModel with DefaultWidth, giving
// porcupine at most timeout (0: no limit).
func CheckLeases(h checker.History, timeout time.Duration) checker.Result {
	return LeaseChecker{Timeout: timeout}.Check(h)
}

func (c LeaseChecker) Check(h checker.History) checker.Result {
	width := c.Width
	if width <= 0 {
		width = DefaultWidth
	}
	ops := Operations(h, width)
	res := checker.Result{Checker: c.Name(), Outcome: checker.Ok}
	switch porcupine.CheckOperationsTimeout(LeaseModel, ops, c.Timeout) {
	case porcupine.Unknown:
		res.Outcome = checker.Unknown
		res.Reason = fmt.Sprintf("porcupine timed out after %v on %d operations", c.Timeout, len(ops))
	case porcupine.Illegal:
		res.Outcome = checker.Violated
		res.Violations, res.Suppressed = staleClaims(h, ops)
	}
	return res
}

// staleClaims finds the evidence porcupine does not give: each claim that
// started after a claim of a newer term had completed. Sweeping the
// operations by start time while folding in those completed before it finds
// them in O(n log n).
func staleClaims(h checker.History, ops []porcupine.Operation) ([]checker.Violation, int) {
	byCall := slices.SortedFunc(slices.Values(ops), func(a, b porcupine.Operation) int { return cmp.Compare(a.Call, b.Call) })
	byReturn := slices.SortedFunc(slices.Values(ops), func(a, b porcupine.Operation) int { return cmp.Compare(a.Return, b.Return) })
	var (
		vs         []checker.Violation
		suppressed int
		newest     *porcupine.Operation // highest term among completed operations
		done       int
		reported   = make(map[int]bool) // by the observation that began the claim
	)
	for _, op := range byCall {
		for ; done < len(byReturn) && byReturn[done].Return < op.Call; done++ {
			if newest == nil || byReturn[done].Input.(Claim).Term > newest.Input.(Claim).Term {
				newest = &byReturn[done]
			}
		}
		stale := op.Input.(Claim)
		if newest == nil || newest.Input.(Claim).Term <= stale.Term || reported[stale.Since] {
			continue
		}
		reported[stale.Since] = true
		if len(vs) == checker.MaxViolations {
			suppressed++
			continue
		}
		vs = append(vs, violation(h, stale, newest.Input.(Claim)))
	}
	if len(vs) == 0 { // cannot happen: the sweep decides exactly what porcupine does
		vs = append(vs, checker.Violation{Summary: "porcupine found the leadership claims not linearizable"})
	}
	return vs, suppressed
}

func violation(h checker.History, stale, newer Claim) checker.Violation {
	at := h.Events[stale.Event].At
	verb := "was observed leading"
	if !stale.Begin {
		verb = "still led"
	}
	newVerb := "had been observed leading"
	if !newer.Begin {
		newVerb = "had been observed still leading"
	}
	return checker.Violation{
		Summary: fmt.Sprintf("stale leader: node %d %s term %d at %v, after node %d %s term %d at %v",
			stale.Node, verb, stale.Term, at, newer.Node, newVerb, newer.Term, h.Events[newer.Event].At),
		At:     at,
		Nodes:  []int{stale.Node, newer.Node},
		Terms:  []uint64{stale.Term, newer.Term},
		Window: checker.Window(h.Events, stale.Event, stale.Since, newer.Event, newer.Since),
	}
}

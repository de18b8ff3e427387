package checker

import (
	"fmt"
	"sync"
)

// All returns every checker of this package with its defaults, in the order
// a report should list them: root causes first (a panic, a node that stopped
// answering), then safety, liveness, stability and hygiene.
func All() []Checker {
	return []Checker{
		NoPanic{},
		NoStuck{},
		ElectionSafety{},
		LeaderHasQuorum{},
		VoteOnce{},
		TermMonotonic{},
		ReElection{},
		Stability{},
		HeartbeatBudget{},
		NoLeaks{},
	}
}

// Run checks h with each checker and returns their results in the same
// order. Checkers are pure, so they run concurrently. A checker that panics
// yields Unknown with the panic as Reason instead of taking the run down.
func Run(h History, cs ...Checker) []Result {
	results := make([]Result, len(cs))
	var wg sync.WaitGroup
	for i, c := range cs {
		wg.Go(func() { results[i] = runOne(h, c) })
	}
	wg.Wait()
	return results
}

func runOne(h History, c Checker) (r Result) {
	defer func() {
		if p := recover(); p != nil {
			r = unknown(safeName(c), fmt.Sprintf("checker panicked: %v", p))
		}
	}()
	return c.Check(h)
}

func safeName(c Checker) (name string) {
	defer func() {
		if recover() != nil {
			name = fmt.Sprintf("%T", c)
		}
	}()
	return c.Name()
}

// Failed reports whether any result is Violated. Unknown is not failure:
// it says the history could not decide, not that the implementation erred.
func Failed(results []Result) bool {
	for _, r := range results {
		if r.Outcome == Violated {
			return true
		}
	}
	return false
}

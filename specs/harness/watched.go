package harness

import (
	"errors"
	"sync"
	"testing"

	"github.com/ballot-go/ballot/checker"
)

// RunNemesisWatched is RunNemesis under a watchdog, where the target
// belongs: a goroutine target in a synctest bubble hung off t (the
// *testing.T of a running test, see RunInBubble), anything else on a
// goroutine of its own, bounded in wall time. When the watchdog stops the
// run (a frozen clock, w.Limit, or w.Cancel closing on Ctrl-C), the verdict
// holds what the run had recorded until then, judged, and Stopped says why.
func RunNemesisWatched(t *testing.T, target Target, cfg Config, n Nemesis, w Watch) Verdict {
	if target.InBubble() && t == nil {
		return Verdict{Err: errors.New("harness: a goroutine target runs in a synctest bubble, which needs the *testing.T of a running test: pass it, or set Target.Realtime")}
	}
	var (
		mu      sync.Mutex
		cluster *Cluster
		v       Verdict
	)
	body := func() {
		out := runNemesis(target, cfg, n, func(c *Cluster) { mu.Lock(); cluster = c; mu.Unlock() })
		mu.Lock()
		v = out
		mu.Unlock()
	}
	var stopped error
	if target.InBubble() {
		stopped = RunInBubble(t, body, w)
	} else {
		stopped = RunWithin(body, w)
	}
	mu.Lock()
	defer mu.Unlock()
	if stopped == nil {
		return v
	}
	return stoppedVerdict(cluster, stopped)
}

// stoppedVerdict judges what a stopped run had recorded.
func stoppedVerdict(c *Cluster, stopped error) Verdict {
	v := Verdict{Stopped: stopped}
	if c != nil {
		v.History = c.History()
		v.Results = checker.Run(v.History, c.Checkers()...)
	}
	return v
}

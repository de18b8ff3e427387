package specs

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"sync/atomic"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/faults"

	"github.com/ballot-go/ballot/specs/harness"
	"github.com/hashicorp/go-hclog"
	. "github.com/onsi/ginkgo/v2"
	"github.com/onsi/gomega"
)

// realtimeLabel marks the specs short enough to run in real time.
const realtimeLabel = "realtime"

// run is the cluster of the running spec, with helpers that fail the spec
// on error so scenarios read as a list of steps.
type run struct {
	*harness.Cluster
	// Gomega is the run's own: a failed step panics with stepFailure,
	// which play recovers, instead of going through the global fail
	// handler that the runs of other specs share.
	gomega.Gomega
	rand *rand.Rand
	// failed is set once the run's own verdict failed the spec: what the
	// watchdog says after that (goroutines a stuck Stop left behind) adds
	// nothing. After a passing verdict, the watchdog's word fails the spec.
	failed atomic.Bool
}

// stepFailure is how a failed step leaves the steps.
type stepFailure struct{ message string }

// scenario is the body of an It: a cluster of target with the given number
// of nodes, the steps, and then the whole history held to every invariant.
// A goroutine target runs in a synctest bubble under the frozen-clock
// watchdog, so all of it, cleanup included, happens in virtual time; any
// other run is bounded in wall time. No spec can hang the suite.
func scenario(target harness.Target, nodes int, steps func(r *run)) func(SpecContext) {
	return func(ctx SpecContext) {
		if target.Realtime && !slices.Contains(CurrentSpecReport().Labels(), realtimeLabel) {
			Skip("real-time targets run only the specs labelled " + realtimeLabel + ": the rest would take minutes of wall time each")
		}
		var live atomic.Pointer[run]
		epoch := specEpoch.Add(1)
		body := func() { play(target, nodes, steps, &live, epoch) }
		if err := contain(ctx, target, body); err != nil {
			judgeStopped(live.Load(), err)
		}
	}
}

// contain runs body where target belongs: in a watched bubble, or bounded
// in wall time, until ctx is done (Ctrl-C, or a Ginkgo timeout). It returns
// the watchdog's verdict. A run it stops is abandoned: its own verdict,
// should it ever come, is dropped.
func contain(ctx SpecContext, target harness.Target, body func()) error {
	limit, err := runLimit()
	if err != nil {
		Fail(err.Error())
	}
	w := harness.Watch{Limit: limit, Cancel: ctx.Done()}
	if target.InBubble() {
		err = inBubble(body, w)
	} else {
		err = bounded(body, w)
	}
	if err != nil {
		specEpoch.Add(1)
	}
	if errors.Is(err, harness.ErrCancelled) {
		err = fmt.Errorf("%v; what the run had recorded is judged (%w)", context.Cause(ctx), err)
	}
	return err
}

// play runs the steps, then stops the cluster (for goroutine nodes that
// includes the leak check) and judges the whole history. A failed step
// does not hide the checkers' findings: it is judged with them.
func play(target harness.Target, nodes int, steps func(r *run), live *atomic.Pointer[run], epoch uint64) {
	r := start(target, nodes)
	live.Store(r)
	stepErr := func() (err error) {
		defer r.Close()
		defer func() {
			if p := recover(); p != nil {
				f, ok := p.(stepFailure)
				if !ok {
					panic(p)
				}
				err = errors.New(f.message)
			}
		}()
		steps(r)
		return nil
	}()
	o := outcome{seed: r.Seed(), history: r.History(), results: r.Check(), step: stepErr, deviations: target.Deviations}
	r.failed.Store(o.failed())
	judgeIn(epoch, o)
}

// judgeStopped judges a run the watchdog stopped: its goroutines stay
// frozen, but what it recorded so far is judged with the watchdog's verdict.
func judgeStopped(r *run, watchdog error) {
	if r != nil && r.failed.Load() {
		return
	}
	if r == nil {
		judge(outcome{seed: specSeed(), watchdog: watchdog})
		return
	}
	h := r.History()
	judge(outcome{seed: r.Seed(), history: h, results: checker.Run(h, r.Checkers()...), watchdog: watchdog})
}

// start builds a cluster for the running spec.
func start(target harness.Target, nodes int) *run {
	GinkgoHelper()
	seed := specSeed()
	c, err := harness.New(target, harness.Config{Nodes: nodes, Seed: seed, Logger: logger()})
	if err != nil {
		Fail("the cluster could not start: " + err.Error())
	}
	g := gomega.NewGomega(func(message string, _ ...int) { panic(stepFailure{message}) })
	return &run{Cluster: c, Gomega: g, rand: faults.ScenarioRand(seed)}
}

func logger() hclog.Logger {
	level := hclog.LevelFromString(os.Getenv("BALLOT_LOG"))
	if level == hclog.NoLevel {
		level = hclog.Warn
	}
	return hclog.New(&hclog.LoggerOptions{Output: GinkgoWriter, Level: level})
}

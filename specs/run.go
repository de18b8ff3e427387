package specs

import (
	"github.com/ballot-go/ballot/faults"
	"math/rand/v2"
	"os"
	"slices"

	"github.com/ballot-go/ballot/specs/harness"
	"github.com/hashicorp/go-hclog"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// realtimeLabel marks the specs short enough to run in real time.
const realtimeLabel = "realtime"

// run is the cluster of the running spec, with helpers that fail the spec
// on error so scenarios read as a list of steps.
type run struct {
	*harness.Cluster
	rand *rand.Rand
}

// scenario is the body of an It: a cluster of target with the given number
// of nodes, the steps, and then the whole history held to every invariant.
// A goroutine target runs in a synctest bubble under the frozen-clock
// watchdog, so all of it, cleanup included, happens in virtual time; any
// other run is bounded in wall time. No spec can hang the suite.
func scenario(target harness.Target, nodes int, steps func(r *run)) func() {
	return func() {
		if target.Realtime && !slices.Contains(CurrentSpecReport().Labels(), realtimeLabel) {
			Skip("real-time targets run only the specs labelled " + realtimeLabel + ": the rest would take minutes of wall time each")
		}
		if target.InBubble() {
			inBubble(func() { play(target, nodes, steps) })
			return
		}
		bounded(func() { play(target, nodes, steps) })
	}
}

// bounded runs body with a wall-clock limit: a Machine whose Tick never
// returns, or a real-time node that hangs, fails the spec with its stacks
// instead of hanging the suite.
func bounded(body func()) {
	GinkgoHelper()
	err := harness.RunWithin(func() {
		defer GinkgoRecover()
		body()
	}, 0)
	if err != nil {
		Fail(err.Error())
	}
}

func play(target harness.Target, nodes int, steps func(r *run)) {
	r := start(target, nodes)
	defer r.finish()
	steps(r)
}

// start builds a cluster for the running spec.
func start(target harness.Target, nodes int) *run {
	GinkgoHelper()
	seed := specSeed()
	c, err := harness.New(target, harness.Config{Nodes: nodes, Seed: seed, Logger: logger()})
	Expect(err).NotTo(HaveOccurred())
	return &run{Cluster: c, rand: faults.ScenarioRand(seed)}
}

// finish stops the cluster (for goroutine nodes, that includes the leak
// check) and verifies its history.
func (r *run) finish() {
	r.Close()
	r.verify()
}

func logger() hclog.Logger {
	level := hclog.LevelFromString(os.Getenv("BALLOT_LOG"))
	if level == hclog.NoLevel {
		level = hclog.Warn
	}
	return hclog.New(&hclog.LoggerOptions{Output: GinkgoWriter, Level: level})
}

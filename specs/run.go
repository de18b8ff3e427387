package specs

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/porc"
	"github.com/ballot-go/ballot/specs/harness"
	"github.com/hashicorp/go-hclog"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// realtimeLabel marks the specs short enough to run in real time.
const realtimeLabel = "realtime"

// scenarioStream separates the scenario's own choices (which nodes to
// disconnect) from the cluster's random streams drawn from the same seed.
const scenarioStream = 0x5ce7a210

// tail is how many events a failure report shows from the end of the history.
const tail = 40

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
	return &run{Cluster: c, rand: rand.New(rand.NewPCG(seed, scenarioStream))}
}

// finish stops the cluster (for goroutine nodes, that includes the leak
// check) and verifies its history.
func (r *run) finish() {
	r.Close()
	r.verify()
}

// verify holds the whole history to every invariant, and on any failure
// prints the seed and the command that replays it.
func (r *run) verify() {
	var failed []checker.Result
	for _, res := range r.Check() {
		if res.Outcome == checker.Violated {
			failed = append(failed, res)
		}
	}
	panicked := r.Err()
	if len(failed) == 0 && panicked == nil && !CurrentSpecReport().Failed() {
		return
	}
	fmt.Fprintf(GinkgoWriter, "\nseed %d; replay with:\n  %s\n", r.Seed(), replayCommand(r.Seed()))
	r.saveHistory()
	if len(failed) > 0 && len(failed[0].Violations) > 0 {
		r.saveView(failed[0].Violations[0].At)
	}
	r.printTail()
	if panicked != nil {
		Fail(fmt.Sprintf("the implementation panicked (seed %d; replay: %s):\n%v", r.Seed(), replayCommand(r.Seed()), panicked))
	}
	if len(failed) > 0 {
		Fail(describeViolations(failed, r.Seed()))
	}
}

// saveHistory writes the whole history as JSON next to the other test
// artefacts, so that a failure can be studied event by event.
func (r *run) saveHistory() {
	f, err := os.CreateTemp("", fmt.Sprintf("ballot-history-%d-*.json", r.Seed()))
	if err != nil {
		fmt.Fprintf(GinkgoWriter, "could not save the history: %v\n", err)
		return
	}
	defer f.Close()
	if err := json.NewEncoder(f).Encode(r.History()); err != nil {
		fmt.Fprintf(GinkgoWriter, "could not save the history: %v\n", err)
		return
	}
	fmt.Fprintf(GinkgoWriter, "history: %s\n", f.Name())
}

// viewWindow is how much of the history the HTML view shows around a
// finding: porcupine's page grows fast, so a few seconds.
const viewWindow = 10 * time.Second

// saveView writes porcupine's HTML view of the leadership claims around the
// first finding, for a look in a browser.
func (r *run) saveView(at time.Duration) {
	f, err := os.CreateTemp("", fmt.Sprintf("ballot-view-%d-*.html", r.Seed()))
	if err != nil {
		fmt.Fprintf(GinkgoWriter, "could not save the view: %v\n", err)
		return
	}
	defer f.Close()
	if err := porc.Visualize(f, r.History(), at, viewWindow); err != nil {
		fmt.Fprintf(GinkgoWriter, "could not save the view: %v\n", err)
		return
	}
	fmt.Fprintf(GinkgoWriter, "view of the %v around the first finding: %s\n", viewWindow, f.Name())
}

func (r *run) printTail() {
	events := r.History().Events
	from := max(0, len(events)-tail)
	fmt.Fprintf(GinkgoWriter, "last %d of %d events:\n", len(events)-from, len(events))
	for _, e := range events[from:] {
		fmt.Fprintf(GinkgoWriter, "  %v\n", e)
	}
}

func describeViolations(results []checker.Result, seed uint64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "invariants violated (seed %d; replay: %s):\n", seed, replayCommand(seed))
	for _, res := range results {
		b.WriteString(res.String())
		for _, v := range res.Violations {
			for _, e := range v.Window {
				fmt.Fprintf(&b, "\n      %v", e)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func logger() hclog.Logger {
	level := hclog.LevelFromString(os.Getenv("BALLOT_LOG"))
	if level == hclog.NoLevel {
		level = hclog.Warn
	}
	return hclog.New(&hclog.LoggerOptions{Output: GinkgoWriter, Level: level})
}

// Steps that fail the spec on error.

func (r *run) leader() (int, uint64) {
	GinkgoHelper()
	leader, term, err := r.CheckOneLeader()
	Expect(err).NotTo(HaveOccurred())
	return leader, term
}

func (r *run) converged() (int, uint64) {
	GinkgoHelper()
	leader, term, err := r.CheckConverged()
	Expect(err).NotTo(HaveOccurred())
	return leader, term
}

func (r *run) noLeader() {
	GinkgoHelper()
	Expect(r.CheckNoLeader()).To(Succeed())
}

func (r *run) terms() uint64 {
	GinkgoHelper()
	term, err := r.CheckTerms()
	Expect(err).NotTo(HaveOccurred())
	return term
}

func (r *run) disconnect(nodes ...int) {
	GinkgoHelper()
	Expect(r.Disconnect(nodes...)).To(Succeed())
}

func (r *run) connect(nodes ...int) {
	GinkgoHelper()
	Expect(r.Connect(nodes...)).To(Succeed())
}

func (r *run) sleep(ms int) { r.RunFor(time.Duration(ms) * time.Millisecond) }

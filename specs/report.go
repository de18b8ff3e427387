package specs

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/porc"
	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
)

// tail is how many events a failure report shows from the end of the history.
const tail = 40

// FindingsEntry names the report entry a judged spec carries: a Findings
// value, for tools that tabulate a suite's results (the zoo's detection
// matrix reads it).
const FindingsEntry = "ballot findings"

// Findings is what one spec's run found, in a form a report can tabulate.
type Findings struct {
	Seed uint64 `json:"seed"`
	// Checkers names every checker that found a violation.
	Checkers []string `json:"checkers,omitempty"`
	// First is the virtual time of the earliest finding.
	First time.Duration `json:"first,omitempty"`
	// Failed is set when the run itself could not go on.
	Failed bool `json:"failed,omitempty"`
	// Heartbeats is HeartbeatBudget's measurement of the busiest links,
	// reported whether or not a budget was declared.
	Heartbeats string `json:"heartbeats,omitempty"`
}

// verify holds the whole history to every invariant.
func (r *run) verify() {
	judge(r.Seed(), harness.Verdict{History: r.History(), Results: r.Check()})
}

// judge fails the spec on any finding, with the seed and the command that
// replays it, the saved history and a view around the first finding.
func judge(seed uint64, v harness.Verdict) {
	failed := violated(v.Results)
	f := findings(seed, v.Results, v.Err)
	AddReportEntry(FindingsEntry, f, ReportEntryVisibilityNever)
	if len(failed) == 0 && v.Err == nil && !CurrentSpecReport().Failed() {
		return
	}
	fmt.Fprintf(GinkgoWriter, "\nseed %d; replay with:\n  %s\n", seed, replayCommand(seed))
	if f.Heartbeats != "" {
		fmt.Fprintf(GinkgoWriter, "heartbeats: %s\n", f.Heartbeats)
	}
	saveHistory(seed, v.History)
	if len(failed) > 0 {
		saveView(seed, v.History, f.First)
	}
	printTail(v.History)
	if v.Err != nil {
		Fail(fmt.Sprintf("the run could not go on (seed %d; replay: %s):\n%v", seed, replayCommand(seed), v.Err))
	}
	if len(failed) > 0 {
		Fail(describeViolations(failed, seed))
	}
}

func violated(results []checker.Result) []checker.Result {
	var failed []checker.Result
	for _, res := range results {
		if res.Outcome == checker.Violated {
			failed = append(failed, res)
		}
	}
	return failed
}

func findings(seed uint64, results []checker.Result, err error) Findings {
	f := Findings{Seed: seed, Failed: err != nil}
	for _, res := range results {
		if res.Checker == (checker.HeartbeatBudget{}).Name() {
			f.Heartbeats = res.Measured
		}
	}
	failed := violated(results)
	found := false
	for _, res := range failed {
		f.Checkers = append(f.Checkers, res.Checker)
		for _, v := range res.Violations {
			if !found || v.At < f.First {
				f.First, found = v.At, true
			}
		}
	}
	return f
}

// saveHistory writes the whole history as JSON next to the other test
// artefacts, so that a failure can be studied event by event.
func saveHistory(seed uint64, h checker.History) {
	f, err := os.CreateTemp("", fmt.Sprintf("ballot-history-%d-*.json", seed))
	if err != nil {
		fmt.Fprintf(GinkgoWriter, "could not save the history: %v\n", err)
		return
	}
	defer f.Close()
	if err := json.NewEncoder(f).Encode(h); err != nil {
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
func saveView(seed uint64, h checker.History, at time.Duration) {
	f, err := os.CreateTemp("", fmt.Sprintf("ballot-view-%d-*.html", seed))
	if err != nil {
		fmt.Fprintf(GinkgoWriter, "could not save the view: %v\n", err)
		return
	}
	defer f.Close()
	if err := porc.Visualize(f, h, at, viewWindow); err != nil {
		fmt.Fprintf(GinkgoWriter, "could not save the view: %v\n", err)
		return
	}
	fmt.Fprintf(GinkgoWriter, "view of the %v around the first finding: %s\n", viewWindow, f.Name())
}

func printTail(h checker.History) {
	events := h.Events
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

package specs

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/report"
	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
)

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

// outcome is what one spec's run produced.
type outcome struct {
	seed     uint64
	history  checker.History
	results  []checker.Result
	step     error // a scenario step that failed, or the run's own error
	watchdog error // the run froze or ran too long
	// deviations are the target's declared ones: what they cover in this
	// spec is shown, not failed (see deviated).
	deviations []harness.Deviation
	// runErr says step is the run's own failure (a cluster that did not
	// start, a fault that failed), which no deviation covers.
	runErr bool
}

// specEpoch counts the specs that ran a cluster. A run the watchdog gave up
// on keeps running in the background; when it ends, its verdict belongs to
// a spec that is over, and must not land on whichever spec runs then.
var specEpoch atomic.Uint64

// judgeIn judges o only if the spec of epoch is still the one running.
func judgeIn(epoch uint64, o outcome) {
	if specEpoch.Load() != epoch {
		fmt.Fprintf(GinkgoWriter, "a run abandoned by the watchdog ended after its spec (seed %d); its verdict is dropped\n", o.seed)
		return
	}
	judge(o)
}

// judge records what the run found and fails the spec on anything: one
// failure, root cause first, with the seed, the commands that replay it,
// every finding and the directory that holds the summary, the history and
// the timeline.
func judge(o outcome) {
	f := findings(o)
	AddReportEntry(FindingsEntry, f, ReportEntryVisibilityNever)
	if !o.failed() || deviated(o) {
		return
	}
	failure := report.Failure{
		Name: CurrentSpecReport().FullText(), Seed: o.seed, Replay: replayCommands(o.seed),
		Step: errText(o.step), Stopped: errText(o.watchdog), History: o.history, Results: o.results,
	}
	dir := saveFailure(failure)
	if n := printedInFull(failure.Cause()); n >= fullReportsPerCause {
		Fail(failure.Brief(dir, fmt.Sprintf("The same cause failed %d specs before this one; the first %d are printed in full. This one's findings and evidence are in its directory.", n, fullReportsPerCause)))
	}
	Fail(failure.Text(dir))
}

// fullReportsPerCause is how many failures of one cause a suite process
// prints in full; the rest print their headline, seed, replay commands and
// directory. An implementation whose Stop hangs fails every spec the same
// way, and seventy full reports would bury everything else.
const fullReportsPerCause = 3

var (
	causesMu sync.Mutex
	causes   = map[string]int{}
)

// printedInFull counts a failure of cause and says how many came before it.
func printedInFull(cause string) int {
	causesMu.Lock()
	defer causesMu.Unlock()
	n := causes[cause]
	causes[cause]++
	return n
}

// failed says whether the run found anything at all.
func (o outcome) failed() bool {
	if o.step != nil || o.watchdog != nil {
		return true
	}
	for _, r := range o.results {
		if r.Outcome == checker.Violated {
			return true
		}
	}
	return false
}

func findings(o outcome) Findings {
	f := Findings{Seed: o.seed, Failed: o.step != nil}
	found := false
	for _, res := range o.results {
		if res.Checker == (checker.HeartbeatBudget{}).Name() {
			f.Heartbeats = res.Measured
		}
		if res.Outcome != checker.Violated {
			continue
		}
		f.Checkers = append(f.Checkers, res.Checker)
		for _, v := range res.Violations {
			if !found || v.At < f.First {
				f.First, found = v.At, true
			}
		}
	}
	if o.watchdog != nil && !errors.Is(o.watchdog, harness.ErrCancelled) {
		f.Checkers = append(f.Checkers, checker.NoStuck{}.Name())
	}
	return f
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// The suite's run directory, made at the first failure: every process of a
// parallel run names it alike, after the suite and Ginkgo's seed.
var (
	suiteRun    *report.Run
	suiteRunErr error
	suiteOnce   sync.Once
)

// saveFailure writes the failure into the suite's run directory and
// returns its subdirectory, or "" (saying why) when it cannot.
func saveFailure(f report.Failure) string {
	suiteOnce.Do(func() {
		root, err := runsRoot()
		if err != nil {
			suiteRunErr = err
			return
		}
		name := fmt.Sprintf("%s-%d", suiteName(), GinkgoRandomSeed())
		suiteRun, suiteRunErr = report.NewRun(root, name, report.Keep())
	})
	if suiteRunErr != nil {
		fmt.Fprintf(GinkgoWriter, "the failure was not saved: %v\n", suiteRunErr)
		return ""
	}
	dir, err := suiteRun.SaveFailure(f)
	if err != nil {
		fmt.Fprintf(GinkgoWriter, "the failure was only partly saved: %v\n", err)
	}
	return dir
}

// suiteName names the suite's run directory: the description given to
// RunSuite, else "suite".
func suiteName() string {
	if suiteDescription != "" {
		return suiteDescription
	}
	return "suite"
}

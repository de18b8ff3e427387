package specs

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/porc"
	. "github.com/onsi/ginkgo/v2"
)

// tail is how many events a failure report shows from the end of the history.
const tail = 40

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

package specs

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
)

// DeviationEntry names the report entry of a spec whose findings were all
// covered by the target's declared deviations: always shown, so a known
// departure is labelled and explained, never hidden.
const DeviationEntry = "known deviation"

// deviated reports whether everything o found is covered by the target's
// deviations for the running spec; if so it adds the always-visible entry
// that says what was found and why it is expected. A watchdog's verdict
// (a frozen clock, a hung node) is never covered, nor is any safety
// finding: then the spec fails with every finding, covered or not.
func deviated(o outcome) bool {
	if o.watchdog != nil || len(o.deviations) == 0 {
		return false
	}
	spec := specText()
	var notes []string
	if o.step != nil {
		if o.runErr {
			return false // the run itself failed: no design explains that
		}
		d, ok := covering(o.deviations, spec, harness.DeviationStep)
		if !ok {
			return false
		}
		notes = append(notes, fmt.Sprintf("the scenario: %v\n  why: %s", o.step, d.Why))
	}
	for _, res := range o.results {
		if res.Outcome != checker.Violated {
			continue
		}
		d, ok := covering(o.deviations, spec, res.Checker)
		if !ok {
			return false
		}
		notes = append(notes, fmt.Sprintf("%s: %s\n  why: %s", res.Checker, headline(res), d.Why))
	}
	replay := replayCommands(o.seed)
	AddReportEntry(DeviationEntry, fmt.Sprintf("seed %d, a known deviation of this implementation, by its design:\n%s\nreplay: %s",
		o.seed, strings.Join(notes, "\n"), replay[0]), ReportEntryVisibilityAlways)
	return true
}

// specText is the running spec's text without its outermost container,
// the target's name, so that a deviation's Spec cannot match every spec
// of a target through its name.
func specText() string {
	r := CurrentSpecReport()
	texts := r.ContainerHierarchyTexts
	if len(texts) > 0 {
		texts = texts[1:]
	}
	return strings.Join(append(slices.Clone(texts), r.LeafNodeText), " ")
}

// covering is the first deviation that covers finding in spec.
func covering(ds []harness.Deviation, spec, finding string) (harness.Deviation, bool) {
	for _, d := range ds {
		if d.Covers(spec, finding) {
			return d, true
		}
	}
	return harness.Deviation{}, false
}

// headline is a violated result's first finding.
func headline(res checker.Result) string {
	if len(res.Violations) == 0 {
		return "violated"
	}
	return res.Violations[0].Summary
}

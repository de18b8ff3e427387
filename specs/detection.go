package specs

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	"github.com/onsi/ginkgo/v2/types"
)

// Expectation says what a suite run of one target should show: nothing at
// all for a sound implementation, a finding of the checker Catches for a
// broken one.
type Expectation struct {
	Target  string
	Sound   bool
	Catches string
}

// Detection is one target's line of a detection table.
type Detection struct {
	Expectation
	Ran, Failed int
	// CaughtBy counts the failed specs per checker that fired (NoStuck
	// for a frozen clock), or "scenario step" for a step that failed with
	// no checker finding.
	CaughtBy map[string]int
	// First is the earliest spec, by seed, where Catches fired, and the
	// virtual time of its first finding.
	FirstSpec string
	FirstSeed uint64
	FirstAt   time.Duration
}

// Met reports whether the target showed what was expected of it.
func (d Detection) Met() bool {
	if d.Sound {
		return d.Ran > 0 && d.Failed == 0
	}
	return d.CaughtBy[d.Catches] > 0
}

// Detect reads a suite report (as a ReportAfterSuite node gets it) and
// tabulates, per expected target, what its specs found.
func Detect(report Report, expect []Expectation) []Detection {
	rows := make([]Detection, len(expect))
	index := map[string]int{}
	for i, e := range expect {
		rows[i] = Detection{Expectation: e, CaughtBy: map[string]int{}}
		index[e.Target] = i
	}
	for _, spec := range report.SpecReports {
		i, ok := index[targetOf(spec)]
		if !ok || spec.LeafNodeType != types.NodeTypeIt || spec.State == types.SpecStateSkipped {
			continue
		}
		rows[i].add(spec)
	}
	return rows
}

func targetOf(spec SpecReport) string {
	if len(spec.ContainerHierarchyTexts) == 0 {
		return ""
	}
	return spec.ContainerHierarchyTexts[0]
}

func (d *Detection) add(spec SpecReport) {
	d.Ran++
	if !spec.Failed() {
		return
	}
	d.Failed++
	f, ok := specFindings(spec)
	caught := f.Checkers
	if len(caught) == 0 {
		// judge names NoStuck for a watchdog's verdict and every violated
		// checker, so what is left is a step (or a cluster that never started).
		caught = []string{"scenario step"}
	}
	for _, c := range caught {
		d.CaughtBy[c]++
	}
	if slices.Contains(caught, d.Catches) && ok && d.earlier(spec, f.Seed) {
		d.FirstSpec, d.FirstSeed, d.FirstAt = spec.FullText(), f.Seed, f.First
	}
}

// earlier prefers a sweep run to a conformance spec (its seed is a small
// number one can pass to harness.RunNemesis), then the lower seed.
func (d *Detection) earlier(spec SpecReport, seed uint64) bool {
	if d.FirstSpec == "" {
		return true
	}
	sweep, firstSweep := isSweep(spec.FullText()), isSweep(d.FirstSpec)
	if sweep != firstSweep {
		return sweep
	}
	return seed < d.FirstSeed
}

func isSweep(name string) bool { return strings.Contains(name, "nemesis sweep") }

// specFindings reads the Findings a judged spec carries, in this process or
// from another (parallel runs send report entries as JSON).
func specFindings(spec SpecReport) (Findings, bool) {
	for _, e := range spec.ReportEntries {
		if e.Name != FindingsEntry {
			continue
		}
		if f, ok := e.Value.GetRawValue().(Findings); ok {
			return f, true
		}
		var f Findings
		if json.Unmarshal([]byte(e.Value.AsJSON), &f) == nil {
			return f, true
		}
	}
	return Findings{}, false
}

// DetectionTable formats rows as a Markdown table, in the order given.
func DetectionTable(rows []Detection) string {
	var b strings.Builder
	b.WriteString("| implementation | expected | specs run | failed | caught by | as expected | first catching spec (seed) | virtual time to finding |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|\n")
	for _, d := range rows {
		expected := "no finding"
		if !d.Sound {
			expected = d.Catches
		}
		first := "-"
		at := "-"
		if d.FirstSpec != "" {
			first = fmt.Sprintf("%s (%d)", d.FirstSpec, d.FirstSeed)
			at = d.FirstAt.String()
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %s | %s | %s | %s |\n",
			d.Target, expected, d.Ran, d.Failed, caughtBy(d.CaughtBy), yesNo(d.Met()), first, at)
	}
	return b.String()
}

func caughtBy(m map[string]int) string {
	if len(m) == 0 {
		return "-"
	}
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s (%d)", n, m[n])
	}
	return strings.Join(parts, ", ")
}

func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

// WriteDetectionMatrix registers a ReportAfterSuite node that tabulates the
// suite's results against expect, prints the table and writes it to path.
// Call it, like Conformance, from a var declaration in the suite file.
func WriteDetectionMatrix(path string, expect []Expectation) bool {
	ReportAfterSuite("detection matrix", func(r Report) {
		table := DetectionTable(Detect(r, expect))
		fmt.Println(table)
		if err := os.WriteFile(path, []byte(table), 0o644); err != nil {
			Fail(fmt.Sprintf("the detection matrix could not be written: %v; pick a writable path for it", err))
		}
	})
	return true
}

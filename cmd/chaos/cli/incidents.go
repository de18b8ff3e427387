package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
)

// The incident specs' results come from the conformance suite's own runs,
// as Ginkgo writes them with --json-report: compare reads them rather than
// run Ginkgo itself, so that every implementation's incidents are judged
// by the suite that its users run.

// incidentLabel and the entry names are the suite's (package specs).
const (
	incidentLabel     = "incident"
	incidentNoteEntry = "ballot incident"
	deviationEntry    = "known deviation"
)

// ginkgoReport is the part of a Ginkgo JSON report that compare reads.
type ginkgoReport struct {
	SpecReports []struct {
		ContainerHierarchyTexts  []string
		ContainerHierarchyLabels [][]string
		LeafNodeText             string
		LeafNodeLabels           []string
		State                    string
		ReportEntries            []struct{ Name string }
	}
}

// incidentTally is what one implementation's incident specs came to.
type incidentTally struct {
	held, expected, deviated, failed, skipped int
}

// readIncidents tallies the incident specs of the JSON reports in files, by
// implementation: the outermost container of each spec is its target's name.
func readIncidents(files []string) (map[string]*incidentTally, error) {
	tallies, seen := map[string]*incidentTally{}, map[string]bool{}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, usagef("--incidents: %v", err)
		}
		var reports []ginkgoReport
		if err := json.Unmarshal(b, &reports); err != nil {
			return nil, usagef("--incidents %s: not a Ginkgo JSON report (go test -ginkgo.json-report=FILE writes one): %v", file, err)
		}
		for _, r := range reports {
			for _, s := range r.SpecReports {
				labels := slices.Concat(append(s.ContainerHierarchyLabels, s.LeafNodeLabels)...)
				if !slices.Contains(labels, incidentLabel) || len(s.ContainerHierarchyTexts) == 0 {
					continue
				}
				name := slug(s.ContainerHierarchyTexts[0])
				spec := strings.Join(append(s.ContainerHierarchyTexts, s.LeafNodeText), " ")
				if seen[spec] {
					continue // the same spec in two reports counts once
				}
				seen[spec] = true
				if tallies[name] == nil {
					tallies[name] = &incidentTally{}
				}
				tallies[name].add(s.State, entryNames(s.ReportEntries))
			}
		}
	}
	return tallies, nil
}

func entryNames(entries []struct{ Name string }) []string {
	var names []string
	for _, e := range entries {
		names = append(names, e.Name)
	}
	return names
}

func (t *incidentTally) add(state string, entries []string) {
	switch {
	case state == "skipped" || state == "pending":
		t.skipped++
	case state != "passed":
		t.failed++
	case slices.Contains(entries, deviationEntry):
		t.deviated++
	case slices.Contains(entries, incidentNoteEntry):
		t.expected++
	default:
		t.held++
	}
}

// String is the card's cell: "6 held, 2 noted (a declaration it lacks)".
func (t *incidentTally) String() string {
	if t == nil {
		return "not run"
	}
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{t.held, "held"}, {t.expected, "noted (a declaration it lacks)"}, {t.deviated, "known deviation"}, {t.failed, "failed"}, {t.skipped, "skipped"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	return strings.Join(parts, ", ")
}

package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// A Ginkgo JSON report's incident specs are tallied by target: passed,
// passed with a note, passed as a known deviation, failed, skipped; specs
// of other groups are not counted.
func TestIncidentsAreTalliedFromTheSuitesReport(t *testing.T) {
	report := `[{"SpecReports": [
	 {"ContainerHierarchyTexts": ["mine", "incidents"], "ContainerHierarchyLabels": [[], ["incident"]], "LeafNodeText": "a", "State": "passed"},
	 {"ContainerHierarchyTexts": ["mine", "incidents"], "ContainerHierarchyLabels": [[], ["incident"]], "LeafNodeText": "b", "State": "passed",
	  "ReportEntries": [{"Name": "ballot incident"}]},
	 {"ContainerHierarchyTexts": ["mine", "incidents"], "ContainerHierarchyLabels": [[], ["incident"]], "LeafNodeText": "c", "State": "passed",
	  "ReportEntries": [{"Name": "known deviation"}]},
	 {"ContainerHierarchyTexts": ["mine", "incidents"], "ContainerHierarchyLabels": [[], ["incident"]], "LeafNodeText": "d", "State": "failed"},
	 {"ContainerHierarchyTexts": ["mine", "incidents"], "ContainerHierarchyLabels": [[], ["incident"]], "LeafNodeText": "e", "State": "skipped"},
	 {"ContainerHierarchyTexts": ["mine", "6.5840 Lab 3A"], "LeafNodeText": "f", "State": "failed"}
	]}]`
	path := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(path, []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	tallies, err := readIncidents([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	want := "1 held, 1 noted (a declaration it lacks), 1 known deviation, 1 failed, 1 skipped"
	if got := tallies["mine"].String(); got != want {
		t.Errorf("tally %q; want %q", got, want)
	}
	if got := tallies["yours"].String(); got != "not run" {
		t.Errorf("an implementation no report names: %q; want not run", got)
	}
	if _, err := readIncidents([]string{filepath.Join(t.TempDir(), "missing.json")}); err == nil {
		t.Error("a missing report was accepted")
	}
	if err := os.WriteFile(path, []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readIncidents([]string{path}); err == nil {
		t.Error("a file that is not a report was accepted")
	}
}

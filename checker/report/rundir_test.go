package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/report"
)

// A failure's directory holds its summary, its history and its timeline,
// and nothing is written outside the run directory.
func TestSaveFailure(t *testing.T) {
	root := t.TempDir()
	run, err := report.NewRun(root, "zoo 1234", 5)
	if err != nil {
		t.Fatal(err)
	}
	h, err := checker.LoadHistory("../testdata/election-safety/bad-two-leaders-observed.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	f := report.Failure{Name: "fault matrix / crash on 3 nodes", Seed: 9, Replay: []string{"BALLOT_SEED=9 go tool ginkgo ./specs"},
		History: h, Results: checker.Run(h, checker.All()...)}
	dir, err := run.SaveFailure(f)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(dir) != run.Dir || filepath.Base(dir) != "fault-matrix-crash-on-3-nodes" {
		t.Errorf("failure directory %s; want fault-matrix-crash-on-3-nodes in %s", dir, run.Dir)
	}
	for _, name := range []string{"summary.txt", "history.jsonl", "timeline.html", "porcupine.html"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("missing %s: %v", name, err)
		}
	}
	summary, _ := os.ReadFile(filepath.Join(dir, "summary.txt"))
	if !strings.HasPrefix(string(summary), "ElectionSafety: two leaders in term 2") {
		t.Errorf("summary.txt starts %q; want the root cause first", firstLines(string(summary), 2))
	}
	back, err := checker.LoadHistory(filepath.Join(dir, "history.jsonl"))
	if err != nil || len(back.Events) != len(h.Events) {
		t.Errorf("the saved history does not load back whole: %v", err)
	}
	again, _ := run.SaveFailure(f)
	if again == dir {
		t.Error("a second failure of the same name overwrote the first")
	}
}

// Old runs are pruned to the newest few; directories that are not runs
// are never touched.
func TestRunsArePruned(t *testing.T) {
	root := t.TempDir()
	other := filepath.Join(root, "not-a-run")
	if err := os.Mkdir(other, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if _, err := report.NewRun(root, "run "+string(rune('a'+i)), 3); err != nil {
			t.Fatal(err)
		}
		time.Sleep(5 * time.Millisecond) // distinct modification times
	}
	entries, _ := os.ReadDir(root)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "not-a-run run-c run-d run-e" {
		t.Errorf("left %v; want the three newest runs and the unrelated directory", names)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

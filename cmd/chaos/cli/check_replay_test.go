package cli_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// chaos check on a saved history gives the verdicts of the run that saved it.
func TestCheckGivesTheRunsVerdicts(t *testing.T) {
	out := t.TempDir()
	if code, stdout, _ := chaos(t, "run", "--impl", "bug-stale-reply-lowers-the-term", "--seeds", "3", "--out", out); code != 1 {
		t.Fatalf("the run found nothing (exit %d):\n%s", code, stdout)
	}
	for _, o := range readResults(t, out).Outcomes {
		code, stdout, stderr := chaos(t, "check", "--out", t.TempDir(), filepath.Join(out, o.Saved, "history.jsonl"))
		if code != 1 {
			t.Fatalf("seed %d: check exited %d; want 1\n%s%s", o.Seed, code, stdout, stderr)
		}
		var violated []string
		for _, line := range strings.Split(stdout, "\n") {
			if f := strings.Fields(line); len(f) == 2 && f[1] == "violated" {
				violated = append(violated, f[0])
			}
		}
		if !slices.Equal(violated, o.Violated) {
			t.Errorf("seed %d: check found %v; the run found %v\n%s", o.Seed, violated, o.Violated, stdout)
		}
	}
}

// A Machine's replay records the same history, event for event.
func TestReplayOfAMachineIsIdentical(t *testing.T) {
	out := t.TempDir()
	chaos(t, "run", "--impl", "bug-majority-off-by-one", "--nodes", "3", "--seeds", "2", "--out", out)
	saved := readResults(t, out).Outcomes[1]
	code, stdout, stderr := chaos(t, "replay", filepath.Join(out, saved.Saved))
	if code != 1 || !strings.Contains(stdout, "identical: ") || !strings.Contains(stdout, saved.History) {
		t.Fatalf("exit %d; want 1 and an identical history (digest %s)\n%s%s", code, saved.History, stdout, stderr)
	}
}

// A goroutine node's replay is tried, and the rate is reported.
func TestReplayOfGoroutinesCountsTries(t *testing.T) {
	out := t.TempDir()
	chaos(t, "run", "--impl", "bug-vote-granted-without-checking-votedfor", "--nodes", "3", "--time", "20s", "--seeds", "2", "--out", out)
	code, stdout, stderr := chaos(t, "replay", "--seed", "1", "--tries", "3", out)
	if !strings.Contains(stdout, " of 3 tries") {
		t.Fatalf("exit %d; the replay does not report its tries\n%s%s", code, stdout, stderr)
	}
}

package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A restart that forgets the vote needs a crash and little else: the
// shrunk schedule is a handful of episodes, its chaos run line fails the
// same invariant first, and the regression spec is printed.
func TestShrinkFindsAHandfulOfEpisodesThatStillFail(t *testing.T) {
	out := t.TempDir()
	if code, stdout, _ := chaos(t, "run", "--impl", "bug-term-and-vote-forgotten-on-restart", "--nodes", "5", "--seeds", "3", "--out", out); code != 1 {
		t.Fatalf("the run found nothing (exit %d):\n%s", code, stdout)
	}
	saved := readResults(t, out).Outcomes[0]
	code, stdout, stderr := chaos(t, "shrink", filepath.Join(out, saved.Saved))
	if code != 1 {
		t.Fatalf("shrink exited %d; want 1\n%s%s", code, stdout, stderr)
	}
	if n := shrunkEpisodes(t, stdout); n < 1 || n > 4 {
		t.Errorf("shrunk to %d episodes; want 1 to 4\n%s", n, stdout)
	}
	if !strings.Contains(stdout, "specs.Regression(") {
		t.Errorf("no regression spec printed:\n%s", stdout)
	}
	replay := strings.Fields(lineWith(t, stdout, "--episodes"))
	if replay[0] != "chaos" || replay[1] != "run" {
		t.Fatalf("the replay line is %q; want chaos run ...", replay)
	}
	again := t.TempDir()
	if code, stdout, stderr := chaos(t, append(replay[1:], "--out", again)...); code != 1 {
		t.Fatalf("the shrunk schedule's run exited %d; want 1\n%s%s", code, stdout, stderr)
	}
	if got := readResults(t, again).Outcomes[0].Violated; len(got) == 0 || got[0] != saved.Violated[0] {
		t.Errorf("the shrunk schedule violated %v; want %s first, as the run did", got, saved.Violated[0])
	}
	written, err := os.ReadFile(filepath.Join(strings.TrimPrefix(lineWith(t, stdout, "shrink directory: "), "shrink directory: "), "shrink.txt"))
	if err != nil || string(written) != stdout {
		t.Errorf("shrink.txt does not hold what shrink printed (%v):\n%s", err, written)
	}
}

func TestShrinkOfACleanRunIsAUsageError(t *testing.T) {
	out := t.TempDir()
	if code, stdout, _ := chaos(t, "run", "--nodes", "3", "--time", "20s", "--out", out); code != 0 {
		t.Fatalf("the reference failed (exit %d):\n%s", code, stdout)
	}
	code, stdout, stderr := chaos(t, "shrink", out)
	if code != 2 || !strings.Contains(stderr, "seed 1 is clean: nothing to shrink") || stdout != "" {
		t.Fatalf("exit %d, stderr %q; want exit 2, and that seed 1 is clean\n%s", code, stderr, stdout)
	}
}

var shrunk = regexp.MustCompile(`shrunk: \d+ episodes -> (\d+),`)

func shrunkEpisodes(t *testing.T, stdout string) int {
	t.Helper()
	m := shrunk.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("shrink does not say how many episodes are left:\n%s", stdout)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// lineWith is the first line of text that holds s, trimmed.
func lineWith(t *testing.T, text, s string) string {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, s) {
			return strings.TrimSpace(line)
		}
	}
	t.Fatalf("no line holds %q:\n%s", s, text)
	return ""
}

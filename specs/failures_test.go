package specs_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// failureKind is one kind of failure the suite must explain, as the broken
// targets of testdata/failing produce it.
type failureKind struct {
	name string
	// headline is what the first line of the failure must say.
	headline string
	// more must appear after the findings: a stack, a failed step.
	more []string
	// env adds to the child's environment.
	env []string
	// interrupt sends SIGINT once the spec runs.
	interrupt bool
	// replays says whether the test reruns the printed replay command.
	replays bool
	// passes says the suite must pass: the control.
	passes bool
	// exact says the replay must print the very same headline: a Machine's
	// run is deterministic. A goroutine node's may name another node stuck
	// at the same instant.
	exact bool
}

var failureKinds = []failureKind{
	{name: "step", headline: "ReElection: no leader was ever elected",
		more: []string{"scenario step that failed (likely a consequence of the above):", "expected one leader among connected nodes"}, replays: true, exact: true},
	{name: "checker", headline: "HeartbeatBudget: node", more: []string{"HeartbeatBudget violated:", "evidence,"}, replays: true, exact: true},
	{name: "panic", headline: "NoPanic: node 1 panicked in Step: index out of range in the vote tally",
		more: []string{"stack:", "failing.panicOnStep.Step"}, replays: true, exact: true},
	{name: "watchdog", headline: "the run was stopped: virtual time froze",
		more: []string{"why the run was stopped:", "wait on a lock", "sync.(*Mutex).Lock"}, replays: true},
	{name: "stuck", headline: "NoStuck: node", more: []string{"Stop did not return within 5s", "failing.hangingStop.Stop"}, replays: true},
	{name: "timeout", headline: "the run was stopped: the run was still going after 2s of wall time",
		more: []string{"3 goroutine(s) [runnable] of node 0, node 1, node 2", "failing.spinner"}, env: []string{"BALLOT_RUN_LIMIT=2s"}},
	{name: "interrupt", headline: "the run was stopped: Interrupted by User", interrupt: true},
}

// Every kind of failure prints, in order: the root cause, the seed, the
// replay commands, the findings and the run directory, which holds the
// evidence; nothing is written anywhere else; and the printed replay
// command, run from the package directory, fails the same way.
func TestEveryKindOfFailureExplainsItself(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a test binary per kind of failure")
	}
	bin := buildFailing(t)
	for _, kind := range failureKinds {
		t.Run(kind.name, func(t *testing.T) {
			t.Parallel()
			out, runs := runFailing(t, bin, kind, "", nil)
			text := failureText(t, out)
			assertInOrder(t, text, append([]string{kind.headline, "\nseed ", "\nreplay: ", "\n    or: "}, kind.more...)...)
			assertNoDumps(t, out)
			assertRunDirectory(t, text, runs)
			if kind.replays {
				assertReplays(t, bin, kind, text)
			}
		})
	}
}

// buildFailing compiles the broken targets' suite once.
func buildFailing(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "failing.test")
	cmd := exec.Command("go", "test", "-c", "-o", bin, "./testdata/failing")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building testdata/failing: %v\n%s", err, out)
	}
	return bin
}

// runFailing runs the first initial-election spec of kind's target, or the
// spec focus names, in the package directory as go test does, with its
// run directory, temporary directory and home under t.TempDir(). It
// returns the output and the runs root, after checking that the child
// wrote nothing outside it.
func runFailing(t *testing.T, bin string, kind failureKind, focus string, env []string, args ...string) (string, string) {
	t.Helper()
	if focus == "" {
		focus = "Lab 3A initial election"
	}
	root := t.TempDir()
	runs, tmp := filepath.Join(root, "runs"), filepath.Join(root, "tmp")
	for _, dir := range []string{runs, tmp} {
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, append([]string{"-test.run", "^TestFailing$", "-ginkgo.focus=" + focus, "-ginkgo.no-color"}, args...)...)
	cmd.Dir = filepath.Join("testdata", "failing")
	cmd.Env = append(os.Environ(), "BALLOT_FAILURE_KIND="+kind.name, "BALLOT_RUNS="+runs, "TMPDIR="+tmp)
	cmd.Env = append(append(cmd.Env, kind.env...), env...)
	out := runBounded(t, cmd, kind.interrupt, !kind.passes)
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the run wrote %d files into the temporary directory, outside its run directory: %v", len(left), left)
	}
	return out, runs
}

// runBounded runs cmd for at most a minute, interrupting it with SIGINT a
// second after its suite starts if interrupt is set, and returns its
// output. The suite must fail if fails is set, else pass.
func runBounded(t *testing.T, cmd *exec.Cmd, interrupt, fails bool) string {
	t.Helper()
	out := &watchedOutput{mark: "Will run ", seen: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	if interrupt {
		go func() {
			select {
			case <-out.seen:
				time.Sleep(time.Second) // the spec is under way: it runs for seconds in real time
				_ = syscall.Kill(cmd.Process.Pid, syscall.SIGINT)
			case <-time.After(time.Minute):
			}
		}()
	}
	select {
	case err := <-done:
		if fails && err == nil {
			t.Errorf("the suite passed; want it to fail:\n%s", out)
		}
		if !fails && err != nil {
			t.Errorf("the suite failed (%v); want it to pass:\n%s", err, out)
		}
	case <-time.After(time.Minute):
		_ = syscall.Kill(cmd.Process.Pid, syscall.SIGKILL)
		<-done
		t.Fatalf("the suite ran for a minute:\n%s", out)
	}
	return out.String()
}

// watchedOutput gathers a child's output and closes seen once mark shows
// in it.
type watchedOutput struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	mark string
	seen chan struct{}
}

func (w *watchedOutput) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, err := w.buf.Write(p)
	if w.mark != "" && strings.Contains(w.buf.String(), w.mark) {
		w.mark = ""
		close(w.seen)
	}
	return n, err
}

func (w *watchedOutput) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// failureText is the ballot failure in Ginkgo's output, from the headline
// after "[FAILED] " to the run directory's line, without the two spaces
// Ginkgo indents it by.
func failureText(t *testing.T, out string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)\[FAILED\] (?:An interrupt occurred[^\n]*\n\s*)?((?:NoPanic|NoStuck|ReElection|HeartbeatBudget|the run was stopped).*?summary, history and timeline\.html: [^\n]*)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no ballot failure in the output:\n%s", out)
	}
	return regexp.MustCompile(`(?m)^  `).ReplaceAllString(m[1], "")
}

func assertInOrder(t *testing.T, text string, parts ...string) {
	t.Helper()
	at := 0
	for _, part := range parts {
		i := strings.Index(text[at:], part)
		if i < 0 {
			t.Fatalf("want %q after offset %d of the failure:\n%s", part, at, text)
		}
		at += i + len(part)
	}
}

func assertNoDumps(t *testing.T, out string) {
	t.Helper()
	for _, dump := range []string{"<*errors.errorString", "{s: ", "<*fmt.wrapError"} {
		if strings.Contains(out, dump) {
			t.Errorf("the output holds a Gomega dump %q:\n%s", dump, out)
		}
	}
}

// assertRunDirectory checks that the printed directory is under runs and
// holds the summary, the history and the timeline.
func assertRunDirectory(t *testing.T, text, runs string) {
	t.Helper()
	dir := regexp.MustCompile(`summary, history and timeline\.html: (\S+)`).FindStringSubmatch(text)[1]
	if !strings.HasPrefix(dir, runs+string(filepath.Separator)) {
		t.Fatalf("run directory %s is not under BALLOT_RUNS %s", dir, runs)
	}
	for _, name := range []string{"summary.txt", "timeline.html"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("the run directory lacks %s: %v", name, err)
		}
	}
	histories, _ := filepath.Glob(filepath.Join(dir, "history.jsonl*"))
	if len(histories) != 1 {
		t.Errorf("the run directory holds %d histories; want 1", len(histories))
	}
}

// assertReplays reruns the failure with the printed go test command's
// seed and focus, and wants the same headline again.
func assertReplays(t *testing.T, bin string, kind failureKind, text string) {
	t.Helper()
	m := regexp.MustCompile(`\n    or: cd '[^']+' && (BALLOT_SEED=\d+) .*-ginkgo\.focus='([^']+)'`).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("no go test replay command in:\n%s", text)
	}
	headline := strings.SplitN(text, "\n", 2)[0]
	out, _ := runFailing(t, bin, kind, m[2], []string{m[1]})
	replayed := strings.SplitN(failureText(t, out), "\n", 2)[0]
	if !kind.exact {
		headline, replayed = blankNumbers(headline), blankNumbers(replayed)
	}
	if replayed != headline {
		t.Errorf("the replay failed with %q; want %q again", replayed, headline)
	}
}

func blankNumbers(s string) string { return regexp.MustCompile(`\d+`).ReplaceAllString(s, "#") }

// A broken target fails every spec of the suite, each with its root cause
// first; and the whole output stays short enough to read: after a few in
// full, the same cause is reported in brief.
func TestBrokenTargetFailsEverySpecWithItsRootCause(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole suite on broken targets")
	}
	bin := buildFailing(t)
	for _, c := range []struct {
		kind     failureKind
		headline string
	}{
		{failureKinds[2], "NoPanic: node 1 panicked in Step: "},
		{failureKinds[4], "NoStuck: node "},
	} {
		t.Run(c.kind.name, func(t *testing.T) {
			out, _ := runFailing(t, bin, c.kind, ".", nil)
			lines := strings.Count(out, "\n")
			failed := 0
			for _, f := range regexp.MustCompile(`(?m)^  \[FAILED\] (.*)$`).FindAllStringSubmatch(out, -1) {
				if strings.HasPrefix(f[1], "in [") {
					continue // Ginkgo's own line in a spec's timeline
				}
				failed++
				if !strings.HasPrefix(f[1], c.headline) {
					t.Errorf("a failure leads with %q; want %q", f[1], c.headline)
				}
			}
			if failed < 70 {
				t.Fatalf("%d specs failed; want every one of the suite's 71 or more (%d lines):\n%s", failed, lines, out)
			}
			if lines >= 2000 {
				t.Errorf("the suite printed %d lines; want under 2,000", lines)
			}
			t.Logf("%d failing specs in %d lines", failed, lines)
		})
	}
}

// A passing suite writes nothing at all: no run directory, no temporary
// file.
func TestPassingSuiteWritesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole suite on the reference")
	}
	out, runs := runFailing(t, buildFailing(t), failureKind{name: "sound", passes: true}, ".", nil)
	if left, _ := os.ReadDir(runs); len(left) > 0 {
		t.Errorf("a passing suite wrote %v into its runs directory", left)
	}
	if !strings.Contains(out, "SUCCESS!") {
		t.Errorf("want the suite to pass:\n%s", out)
	}
}

// A deviation the target declares turns what it covers into a note that
// is always shown, and the spec passes; what it does not cover fails the
// spec as ever.
func TestDeviationsAreShownNotHidden(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs testdata/failing")
	}
	bin := buildFailing(t)
	out, _ := runFailing(t, bin, failureKind{name: "deviating", passes: true}, "", nil)
	assertInOrder(t, out, "known deviation", "a known deviation of this implementation, by its design",
		"the scenario: expected one leader", "why: it never campaigns", "ReElection: no leader was ever elected", "SUCCESS!")
	out, _ = runFailing(t, bin, failureKind{name: "deviating-too-much"}, "", nil)
	assertInOrder(t, failureText(t, out), "HeartbeatBudget: node")
}

// The -ballot.runs flag puts the run directory where it says, over
// BALLOT_RUNS.
func TestRunsFlagSetsTheRunDirectory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs testdata/failing")
	}
	flagged := t.TempDir()
	out, runs := runFailing(t, buildFailing(t), failureKinds[1], "", nil, "-ballot.runs="+flagged)
	assertRunDirectory(t, failureText(t, out), flagged)
	if left, _ := os.ReadDir(runs); len(left) > 0 {
		t.Errorf("BALLOT_RUNS got %v although -ballot.runs was given", left)
	}
}

package report

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ballot-go/ballot/checker"
)

// Failure is everything one failing run has to say: what broke, how to
// replay it, and the evidence. The Ginkgo suite and the chaos CLI build
// one per failing run and print its Text.
type Failure struct {
	// Name is the spec or run, as a person would look it up.
	Name string
	Seed uint64
	// Replay holds commands that replay the run, the best first.
	Replay []string
	// Step is a scenario step that failed ("expected one leader, got
	// none within 5s"), if one did.
	Step string
	// Watchdog is the frozen-clock or wall-limit verdict on a goroutine
	// run, with its stacks, if the watchdog stopped it.
	Watchdog string
	History  checker.History
	Results  []checker.Result
}

// rootCauses are the checkers whose findings explain others: a node that
// panicked or stopped answering also fails to lead and to keep its term.
var rootCauses = []string{checker.NoPanic{}.Name(), checker.NoStuck{}.Name()}

// consequences are the checkers whose findings a root cause usually brings.
var consequences = []string{checker.ReElection{}.Name(), checker.Stability{}.Name(), checker.NoLeaks{}.Name()}

// Violated returns the violated results, in the order checker.All lists
// them: root causes first.
func (f Failure) Violated() []checker.Result {
	var out []checker.Result
	for _, r := range f.Results {
		if r.Outcome == checker.Violated {
			out = append(out, r)
		}
	}
	return out
}

// Headline names the root cause in plain words, in one line.
func (f Failure) Headline() string {
	violated := f.Violated()
	switch {
	case len(violated) > 0 && slices.Contains(rootCauses, violated[0].Checker):
		return headline(violated[0])
	case f.Watchdog != "":
		return "the run froze: " + firstLine(f.Watchdog)
	case len(violated) > 0:
		return headline(violated[0])
	case f.Step != "":
		return "a scenario step failed: " + firstLine(f.Step)
	}
	return "the run failed"
}

func headline(r checker.Result) string {
	if len(r.Violations) == 0 {
		return r.Checker + " was violated"
	}
	return r.Checker + ": " + r.Violations[0].Summary
}

// maxShown bounds the findings Text lists, and the evidence it prints
// for each: the whole of both is in the run directory.
const (
	maxShown    = 6
	maxEvidence = 6
)

// porcupineWindow is how much of the history porcupine's view shows around
// the first finding: its page grows fast.
const porcupineWindow = 10 * time.Second

// Text is the failure as a person reads it, in about 60 lines at most:
// the headline, the seed and the replay commands, every violated checker
// with its findings (root causes first, consequences marked), a short
// evidence window per finding, the failed step or the watchdog's verdict,
// and the run directory, dir, when there is one.
func (f Failure) Text(dir string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\nseed %d\n", f.Headline(), f.Seed)
	for i, cmd := range f.Replay {
		label := "replay:"
		if i > 0 {
			label = "    or:"
		}
		fmt.Fprintf(&b, "%s %s\n", label, cmd)
	}
	f.writeFindings(&b)
	if f.Step != "" {
		fmt.Fprintf(&b, "\nscenario step that failed%s:\n%s\n", f.consequence(), indent(clipLines(f.Step, 8)))
	}
	if f.Watchdog != "" {
		fmt.Fprintf(&b, "\nwatchdog:\n%s\n", indent(clipLines(f.Watchdog, 14)))
	}
	if dir != "" {
		fmt.Fprintf(&b, "\nsummary, history and timeline.html: %s\n", dir)
	}
	return b.String()
}

// Full is Text with every finding and its whole evidence window: what
// summary.txt holds.
func (f Failure) Full(dir string) string {
	var b strings.Builder
	b.WriteString(f.Text(dir))
	b.WriteString("\n---- every finding, with its whole evidence window ----\n")
	for _, r := range f.Violated() {
		for _, v := range r.Violations {
			fmt.Fprintf(&b, "\n%s at %v: %s\n", r.Checker, v.At, v.Summary)
			for _, e := range v.Window {
				fmt.Fprintf(&b, "  %v\n", e)
			}
		}
	}
	if f.Step != "" {
		fmt.Fprintf(&b, "\nscenario step:\n%s\n", f.Step)
	}
	if f.Watchdog != "" {
		fmt.Fprintf(&b, "\nwatchdog:\n%s\n", f.Watchdog)
	}
	return b.String()
}

// consequence marks a step failure that a checker's root cause explains.
func (f Failure) consequence() string {
	if v := f.Violated(); len(v) > 0 || f.Watchdog != "" {
		return " (likely a consequence of the above)"
	}
	return ""
}

func (f Failure) writeFindings(b *strings.Builder) {
	violated := f.Violated()
	if len(violated) == 0 {
		return
	}
	rooted := slices.Contains(rootCauses, violated[0].Checker) || f.Watchdog != ""
	shown := 0
	for _, r := range violated {
		mark := ""
		if rooted && slices.Contains(consequences, r.Checker) {
			mark = " (likely a consequence of the above)"
		}
		fmt.Fprintf(b, "\n%s violated%s:\n", r.Checker, mark)
		for _, g := range group(r.Violations) {
			if shown == maxShown {
				fmt.Fprintf(b, "  ... more findings in the run directory\n")
				return
			}
			shown++
			writeFinding(b, g)
		}
		if r.Suppressed > 0 {
			fmt.Fprintf(b, "  (%d more findings of %s not kept)\n", r.Suppressed, r.Checker)
		}
	}
}

// grouped is a finding with the count of identical ones (one per leaked
// goroutine of the same stack, say).
type grouped struct {
	checker.Violation
	count int
}

func group(vs []checker.Violation) []grouped {
	var out []grouped
	for _, v := range vs {
		if n := len(out); n > 0 && out[n-1].Summary == v.Summary {
			out[n-1].count++
			continue
		}
		out = append(out, grouped{v, 1})
	}
	return out
}

func writeFinding(b *strings.Builder, g grouped) {
	times := ""
	if g.count > 1 {
		times = fmt.Sprintf(" (x%d)", g.count)
	}
	fmt.Fprintf(b, "  at %v: %s%s\n", g.At, g.Summary, times)
	window := nearest(g.Window, g.At, maxEvidence)
	if len(window) == 0 {
		return
	}
	fmt.Fprintf(b, "    evidence, %v to %v:\n", window[0].At, window[len(window)-1].At)
	for _, e := range window {
		fmt.Fprintf(b, "      %s\n", firstLine(e.String()))
	}
}

// nearest keeps the n events of window closest in time to at, in time
// order; the window is already in history order.
func nearest(window []checker.Event, at time.Duration, n int) []checker.Event {
	if len(window) <= n {
		return window
	}
	best, bestDist := 0, time.Duration(-1)
	for i := 0; i+n <= len(window); i++ {
		mid := window[i+n/2].At
		d := max(mid-at, at-mid)
		if bestDist < 0 || d < bestDist {
			best, bestDist = i, d
		}
	}
	return window[best : best+n]
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// clipLines keeps the first n lines of s.
func clipLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) <= n {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:n], "\n") + fmt.Sprintf("\n... %d more lines in the run directory", len(lines)-n)
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

package report

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
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
	// Stopped says why the run was stopped before it ended, if it was: a
	// frozen clock or the wall-time limit (with the goroutines' stacks),
	// or an interrupt. What the run had recorded is judged all the same.
	Stopped string
	History checker.History
	Results []checker.Result
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
	case f.Stopped != "":
		return "the run was stopped: " + firstLine(f.Stopped)
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
	f.writeReplay(&b)
	f.writeFindings(&b)
	if f.Step != "" {
		fmt.Fprintf(&b, "\nscenario step that failed%s:\n%s\n", f.consequence(), indent(clipLines(f.Step, 8)))
	}
	if f.Stopped != "" {
		fmt.Fprintf(&b, "\nwhy the run was stopped:\n%s\n", indent(clipLines(f.Stopped, 14)))
	}
	if dir != "" {
		fmt.Fprintf(&b, "\nsummary, history and timeline.html: %s\n", dir)
	}
	return b.String()
}

// Brief is the failure in a few lines: the headline, the seed, the replay
// commands, a note (why the rest is not printed) and the run directory. A
// suite prints it for a root cause it has already printed in full.
func (f Failure) Brief(dir, note string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\nseed %d\n", f.Headline(), f.Seed)
	f.writeReplay(&b)
	fmt.Fprintf(&b, "\n%s\n", note)
	if dir != "" {
		fmt.Fprintf(&b, "summary, history and timeline.html: %s\n", dir)
	}
	return b.String()
}

// Cause is the headline with its numbers blanked out: failures with the same
// cause share it, whichever node, term or time they name.
func (f Failure) Cause() string {
	return number.ReplaceAllString(f.Headline(), "#")
}

var number = regexp.MustCompile(`\d+`)

func (f Failure) writeReplay(b *strings.Builder) {
	for i, cmd := range f.Replay {
		label := "replay:"
		if i > 0 {
			label = "    or:"
		}
		fmt.Fprintf(b, "%s %s\n", label, cmd)
	}
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
	if f.Stopped != "" {
		fmt.Fprintf(&b, "\nwhy the run was stopped:\n%s\n", f.Stopped)
	}
	return b.String()
}

// consequence marks a step failure that a checker's root cause explains.
func (f Failure) consequence() string {
	if v := f.Violated(); len(v) > 0 || f.Stopped != "" {
		return " (likely a consequence of the above)"
	}
	return ""
}

func (f Failure) writeFindings(b *strings.Builder) {
	violated := f.Violated()
	if len(violated) == 0 {
		return
	}
	rooted := slices.Contains(rootCauses, violated[0].Checker) || f.Stopped != ""
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

// grouped is a finding with the nodes of the findings just like it (one per
// leaked goroutine of the same stack, or every node stuck in the same call).
type grouped struct {
	checker.Violation
	count int
	nodes []int
}

func group(vs []checker.Violation) []grouped {
	var out []grouped
	for _, v := range vs {
		if n := len(out); n > 0 && alike(out[n-1].Violation, v) {
			out[n-1].count++
			out[n-1].nodes = append(out[n-1].nodes, v.Nodes...)
			continue
		}
		out = append(out, grouped{v, 1, slices.Clone(v.Nodes)})
	}
	return out
}

// nodeNumber matches the node numbers that tell alike findings apart.
var nodeNumber = regexp.MustCompile(`node \d+`)

// alike says whether b repeats a at the same time for another node (or the
// same one): the same words but for node numbers, and the same stack.
func alike(a, b checker.Violation) bool {
	if a.At != b.At {
		return false
	}
	return nodeNumber.ReplaceAllString(a.Summary, "node #") == nodeNumber.ReplaceAllString(b.Summary, "node #") &&
		ownStack(grouped{Violation: a}) == ownStack(grouped{Violation: b})
}

func writeFinding(b *strings.Builder, g grouped) {
	times := ""
	if g.count > 1 {
		times = fmt.Sprintf(" (x%d%s)", g.count, alsoNodes(g))
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
	if stack := ownStack(g); stack != "" {
		fmt.Fprintf(b, "    stack:\n%s\n", indent(indent(indent(clipStack(stack, maxStackLines)))))
	}
}

// alsoNodes names the nodes of a group when they differ: "x3: nodes 0, 1, 2".
func alsoNodes(g grouped) string {
	nodes := slices.Compact(slices.Sorted(slices.Values(g.nodes)))
	if len(nodes) < 2 {
		return ""
	}
	words := make([]string, len(nodes))
	for i, n := range nodes {
		words[i] = strconv.Itoa(n)
	}
	return ": nodes " + strings.Join(words, ", ")
}

// maxStackLines bounds the stack Text prints for a panic, a stuck node or a
// leaked goroutine: the frames that matter come first.
const maxStackLines = 12

// stackEvents are the events whose Detail carries a goroutine stack.
var stackEvents = []checker.EventType{checker.Panic, checker.Stuck, checker.Leak}

// ownStack is the stack of the event a finding is about, from the frame
// that panicked when it is a panic, or "" when it has none.
func ownStack(g grouped) string {
	for _, e := range g.Window {
		if e.At != g.At || !slices.Contains(stackEvents, e.Type) || !slices.Contains(g.Nodes, e.Node) {
			continue
		}
		_, stack, ok := strings.Cut(strings.TrimSpace(e.Detail), "\n")
		if !ok {
			return ""
		}
		if e.Type == checker.Panic {
			return belowPanic(stack)
		}
		return stack
	}
	return ""
}

// belowPanic drops the frames of the recovery, down to and including the
// runtime's panic call, so that the stack starts where the value was
// thrown.
func belowPanic(stack string) string {
	lines := strings.Split(stack, "\n")
	for i, line := range lines {
		if strings.HasPrefix(line, "panic(") && i+2 < len(lines) {
			return strings.Join(lines[i+2:], "\n")
		}
	}
	return stack
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

// clipLines keeps the first n lines of s, trimmed.
func clipLines(s string, n int) string { return clipStack(strings.TrimSpace(s), n) }

// clipStack keeps the first n lines of a stack, and its indentation.
func clipStack(s string, n int) string {
	lines := strings.Split(strings.Trim(s, "\n"), "\n")
	if len(lines) <= n {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:n], "\n") + fmt.Sprintf("\n... %d more lines in the run directory", len(lines)-n)
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

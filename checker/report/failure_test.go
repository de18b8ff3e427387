package report_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/report"
	"github.com/ballot-go/ballot/impl"
)

// stuckEverywhere is a history in which every node's Stop hangs at the same
// place: one finding per node, the same stack.
func stuckEverywhere(nodes int) checker.History {
	h := checker.History{Nodes: nodes}
	stack := "Stop did not return within 5s; its goroutines:\n1 goroutine(s):\n\texample.com/raft.(*Raft).Stop\n\t\t/src/raft/raft.go:90\n"
	for n := range nodes {
		h.Events = append(h.Events, checker.Event{At: time.Second, Type: checker.Observe, Node: n, Status: impl.DownStatus(n, 1)})
	}
	for n := range nodes {
		h.Events = append(h.Events, checker.Event{At: 6 * time.Second, Type: checker.Stuck, Node: n, Detail: stack})
	}
	return h
}

// Findings that differ only in their node are printed once, with the
// nodes, and with the stack of the event they are about.
func TestAlikeFindingsArePrintedOnce(t *testing.T) {
	h := stuckEverywhere(5)
	f := report.Failure{Name: "stop hangs", Seed: 3, History: h, Results: checker.Run(h, checker.NoStuck{})}
	text := f.Text("")
	if got := strings.Count(text, "got stuck"); got != 2 { // the headline, and the finding once
		t.Errorf("%q is printed %d times; want twice:\n%s", "got stuck", got, text)
	}
	for _, want := range []string{"(x5: nodes 0, 1, 2, 3, 4)", "stack:\n", "\texample.com/raft.(*Raft).Stop\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("the failure lacks %q:\n%s", want, text)
		}
	}
}

// The panic's own frames come first in its stack: the recovery's are cut.
func TestPanicStackStartsWhereItWasThrown(t *testing.T) {
	stack := "goroutine 7 [running]:\nruntime/debug.Stack()\n\t/go/debug/stack.go:26\n" +
		"example.com/sim.recoverPanic()\n\t/src/sim/panic.go:60\npanic({0x1, 0x2})\n\t/go/runtime/panic.go:783\n" +
		"example.com/raft.(*Raft).Step(...)\n\t/src/raft/raft.go:73\n"
	h := checker.History{Nodes: 3, Events: []checker.Event{{At: time.Second, Type: checker.Panic, Node: 1, Detail: "in Step: boom\n" + stack}}}
	f := report.Failure{Seed: 1, History: h, Results: checker.Run(h, checker.NoPanic{})}
	text := f.Text("")
	if !strings.HasPrefix(text, "NoPanic: node 1 panicked in Step: boom") {
		t.Errorf("the headline is not the panic:\n%s", text)
	}
	if !regexp.MustCompile(`stack:\n\s+example.com/raft.\(\*Raft\).Step`).MatchString(text) || strings.Contains(text, "recoverPanic") {
		t.Errorf("the stack does not start at the panicking frame:\n%s", text)
	}
}

// A brief failure keeps the headline, the seed, the replay and the
// directory; two failures with the same cause share Cause whatever their
// numbers.
func TestBriefAndCause(t *testing.T) {
	a, b := stuckEverywhere(3), stuckEverywhere(7)
	fa := report.Failure{Seed: 1, Replay: []string{"go tool ginkgo ./x"}, History: a, Results: checker.Run(a, checker.NoStuck{})}
	fb := report.Failure{Seed: 2, History: b, Results: checker.Run(b, checker.NoStuck{})}
	if fa.Cause() != fb.Cause() {
		t.Errorf("causes %q and %q differ", fa.Cause(), fb.Cause())
	}
	brief := fa.Brief("/runs/x", "printed in full above")
	for _, want := range []string{"NoStuck: node 0 got stuck", "seed 1\n", "replay: go tool ginkgo ./x\n", "printed in full above\n", "summary, history and timeline.html: /runs/x\n"} {
		if !strings.Contains(brief, want) {
			t.Errorf("Brief lacks %q:\n%s", want, brief)
		}
	}
	if strings.Contains(brief, "evidence") {
		t.Errorf("Brief prints evidence:\n%s", brief)
	}
}

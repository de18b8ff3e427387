package cli

import "testing"

// A run the watchdog stopped names no invariant: its replay matches only
// if it was stopped too.
func TestSameOutcomeCountsAStoppedRun(t *testing.T) {
	stopped := outcome{Stopped: "the clock froze"}
	if sameOutcome(outcome{}, stopped) {
		t.Error("a clean replay counted as the same outcome as a stopped run")
	}
	if !sameOutcome(outcome{Stopped: "the clock froze again"}, stopped) {
		t.Error("a stopped replay did not count as the same outcome as a stopped run")
	}
	if sameOutcome(outcome{Violated: []string{"VoteOnce"}}, outcome{Violated: []string{"ElectionSafety"}}) {
		t.Error("different invariants counted as the same outcome")
	}
}

package cli

import (
	"errors"
	"fmt"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/report"
	"github.com/ballot-go/ballot/specs/harness"
)

// outcome is what one seed's run came to, as results.json keeps it.
type outcome struct {
	Seed uint64 `json:"seed"`
	// Violated names the checkers that found something, root causes first.
	Violated []string `json:"violated,omitempty"`
	// Headline is the root cause in one line, for a failed run.
	Headline string `json:"headline,omitempty"`
	// Error is a run that could not be built or played.
	Error string `json:"error,omitempty"`
	// Stopped says why a watchdog stopped the run early: a frozen clock,
	// or the wall-time limit.
	Stopped string `json:"stopped,omitempty"`
	// Interrupted is set when Ctrl-C cut the run short; what it had
	// recorded was judged all the same.
	Interrupted bool `json:"interrupted,omitempty"`
	Events      int  `json:"events"`
	// History is the history's checker.Digest: a Machine's replay must
	// give the same.
	History string `json:"history_digest"`
	// Saved is the subdirectory that holds the evidence, if it was saved.
	Saved  string `json:"saved,omitempty"`
	Replay string `json:"replay"`
}

func (o outcome) failed() bool { return len(o.Violated) > 0 || o.Error != "" || o.Stopped != "" }

// failure is the report of one seed's verdict.
func (p plan) failure(seed uint64, v harness.Verdict) report.Failure {
	return report.Failure{Name: p.runName(seed), Seed: seed, Replay: []string{p.replayCommand(seed)},
		Step: errText(v.Err), Stopped: errText(v.Stopped), History: v.History, Results: v.Results}
}

func (p plan) runName(seed uint64) string { return fmt.Sprintf("%s seed %d", p.Impl, seed) }

func newOutcome(f report.Failure, v harness.Verdict) outcome {
	interrupted := errors.Is(v.Stopped, harness.ErrCancelled)
	if interrupted {
		f.Stopped = ""
	}
	o := outcome{Seed: f.Seed, Error: errText(v.Err), Stopped: f.Stopped, Interrupted: interrupted, Events: len(v.History.Events),
		History: checker.Digest(v.History), Replay: f.Replay[0]}
	for _, r := range f.Violated() {
		o.Violated = append(o.Violated, r.Checker)
	}
	if o.failed() {
		o.Headline = f.Headline()
	}
	return o
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

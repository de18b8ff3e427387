package cli

import (
	"fmt"
	"path/filepath"
	"slices"

	"github.com/ballot-go/ballot/checker/report"
	"github.com/spf13/cobra"
)

func (e *env) replayCommand() *cobra.Command {
	var seed uint64
	var tries int
	cmd := &cobra.Command{
		Use:   "replay DIR",
		Short: "Run a saved run's seed again and say whether it came out the same",
		Long: `replay reads the run directory that chaos run wrote (or a failing seed's
directory inside it) and runs that seed again with the same flags. A
Machine's run must give the same history, event for event: replay compares
their digests. A goroutine node's run depends on the Go scheduler, and a
cluster's on the operating system's, so replay tries it --tries times and
says how often the same invariants failed.

The flags of the run are in its replay line too: chaos run ... --seed S.`,
		Example: `  chaos replay ~/.cache/ballot/runs/chaos-bug-majority-off-by-one-20261130-101500/bug-majority-off-by-one-seed-3
  chaos replay --seed 17 --tries 50 shard-2`,
		Args: exactlyOneFile,
		RunE: func(_ *cobra.Command, args []string) error { return e.replay(args[0], seed, tries) },
	}
	cmd.Flags().Uint64Var(&seed, "seed", 0, "the seed to replay, when the run directory holds a sweep (default: its first failing seed)")
	cmd.Flags().IntVar(&tries, "tries", 20, "how many times a goroutine run is tried")
	return cmd
}

func (e *env) replay(path string, seed uint64, tries int) error {
	p, want, err := e.savedRun(path, seed)
	if err != nil {
		return err
	}
	if tries < 1 {
		return usagef("--tries %d: give 1 or more", tries)
	}
	run, err := openRunDir("", "chaos-replay-"+p.Impl)
	if err != nil {
		return err
	}
	p.useRunDir(run.Dir)
	p.Seeds, p.Seed, p.Shard = 1, want.Seed, shard{}
	fmt.Fprintf(e.stdout, "chaos replay: %s\n", p.describe())
	if p.impl.target.Deterministic() {
		return e.replayExactly(p, want, run)
	}
	return e.replayTries(p, want, run, tries)
}

// replayExactly runs a Machine's seed once: the history must be the same.
func (e *env) replayExactly(p plan, want outcome, run *report.Run) error {
	got := e.runOnce(p, run)
	if got.History != want.History {
		fmt.Fprintf(e.stdout, "DIFFERENT: the replay recorded %d events (digest %s); the run recorded %d (digest %s)\n", got.Events, got.History, want.Events, want.History)
		return errFinding
	}
	fmt.Fprintf(e.stdout, "identical: %d events, digest %s\n%s\n", got.Events, got.History, verdictLine(got))
	if got.failed() {
		return errFinding
	}
	return nil
}

// replayTries runs a goroutine node's seed tries times and counts how
// often the same invariants failed.
func (e *env) replayTries(p plan, want outcome, run *report.Run, tries int) error {
	same := 0
	for i := range tries {
		if e.ctx.Err() != nil {
			tries = i
			break
		}
		got := e.runOnce(p, run)
		run = nil
		if sameOutcome(got, want) {
			same++
		}
	}
	fmt.Fprintf(e.stdout, "the same outcome (%s) came back in %d of %d tries\n", verdictLine(want), same, tries)
	if want.failed() && same > 0 {
		return errFinding
	}
	return nil
}

func (e *env) runOnce(p plan, run *report.Run) outcome {
	return e.sweep(p, run, func() {})[0]
}

func verdictLine(o outcome) string {
	if !o.failed() {
		return "clean"
	}
	return o.Headline
}

// savedRun reads the plan and the outcome of one seed from a run directory
// or a failing seed's directory.
func (e *env) savedRun(path string, seed uint64) (plan, outcome, error) {
	r, dir, err := readResults(path)
	if err != nil {
		return plan{}, outcome{}, usagef("%v", err)
	}
	p := r.Plan
	impl, err := e.savedImplementation(p, &p.runDir)
	if err != nil {
		return plan{}, outcome{}, err
	}
	p.impl, p.workers = impl, 1
	if p.RealTime {
		p.impl.target.Realtime = true
	}
	o, err := pickOutcome(r.Outcomes, relative(dir, path), seed)
	return p, o, err
}

// pickOutcome is the outcome of seed, or of the failing seed saved in sub,
// or the first failing one, or the only one.
func pickOutcome(os []outcome, sub string, seed uint64) (outcome, error) {
	for _, o := range os {
		if (seed != 0 && o.Seed == seed) || (seed == 0 && sub != "." && o.Saved == filepath.Clean(sub)) {
			return o, nil
		}
	}
	if seed != 0 {
		return outcome{}, usagef("--seed %d did not run in this directory", seed)
	}
	if failed := failedOutcomes(os); len(failed) > 0 {
		return failed[0], nil
	}
	if len(os) == 1 {
		return os[0], nil
	}
	return outcome{}, usagef("the directory holds %d clean seeds: say which with --seed", len(os))
}

// savedImplementation is the implementation a saved plan ran: from the
// catalog, or again from its cluster file.
func (e *env) savedImplementation(p plan, runDir **string) (implementation, error) {
	*runDir = new(string)
	if p.Cluster == "" {
		return e.catalog.lookup(p.Impl)
	}
	c, err := readCluster(p.Cluster)
	if err != nil {
		return implementation{}, err
	}
	return clusterTarget(p.Cluster, c, *runDir), nil
}

// sameOutcome: the same invariants failed, and the run errored or was
// stopped by the watchdog (a frozen clock names no invariant) likewise.
func sameOutcome(got, want outcome) bool {
	return slices.Equal(got.Violated, want.Violated) && (got.Error == "") == (want.Error == "") &&
		(got.Stopped == "") == (want.Stopped == "")
}

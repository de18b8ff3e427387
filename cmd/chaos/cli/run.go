package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/ballot-go/ballot/checker/report"
	"github.com/ballot-go/ballot/specs/harness"
	"github.com/spf13/cobra"
)

func (e *env) runCommand() *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run an implementation under a random nemesis, on one seed or a sweep of many",
		Long: `run starts a cluster of the implementation, waits for a leader, injects and
heals faults drawn from the nemesis for --time, lets the healed cluster
settle, and holds the whole history to every invariant. With --seeds N it
runs N seeds from --seed on, spread over the cores. The run directory
keeps the summary, results.json, and for each failing seed its history,
timeline.html and porcupine view.

With no flags: 5 nodes of the reference election, 60 virtual seconds of
every fault that applies, seed 1.`,
		Example: `  chaos run
  chaos run --impl reference-as-goroutines --nodes 3 --nemesis isolate-leader,drop
  chaos run --impl bug-majority-off-by-one --seeds 200
  chaos run --seeds 10000 --shard 2/8 --out shard-2`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f.nodesSet = cmd.Flags().Changed("nodes")
			return e.run(f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.impl, "impl", e.catalog.defaultImpl(), "the implementation (chaos list names them all)")
	fl.IntVar(&f.nodes, "nodes", 5, "cluster size")
	fl.DurationVar(&f.length, "time", harness.DefaultNemesisLength, "how long faults are injected, in the run's (virtual) time")
	fl.DurationVar(&f.interval, "interval", harness.DefaultNemesisEvery, "mean time between two faults; each is healed before the next")
	fl.DurationVar(&f.settle, "settle", harness.DefaultNemesisSettle, "how long the healed cluster runs at the end")
	fl.StringVar(&f.nemesis, "nemesis", "all", "faults to draw from, comma-separated (chaos list names them), or all; -name leaves one out (all,-crash or -crash)")
	fl.Uint64Var(&f.seed, "seed", 1, "the seed of the run, or of the first run of a sweep")
	fl.IntVar(&f.seeds, "seeds", 1, "how many seeds to run, from --seed on")
	fl.BoolVar(&f.realTime, "real-time", false, "run goroutine nodes in real time, not in a synctest bubble")
	fl.StringVar(&f.out, "out", "", "the run directory (default: a new one under $BALLOT_RUNS, or the user cache)")
	fl.StringVar(&f.shard, "shard", "", "run only shard i of n of the sweep, such as 2/8; chaos merge joins the shards")
	fl.StringVar(&f.episodes, "episodes", "", "keep only these episodes of the schedule, as chaos shrink prints them, such as 3,7@1.5s")
	fl.IntVar(&f.workers, "workers", 0, "runs at once; 0 is one per core")
	fl.StringVar(&f.cluster, "cluster", "", "run real processes described by this YAML cluster file instead of --impl (see the README)")
	e.completeImpl(cmd)
	return cmd
}

// run is chaos run: check everything, run, write the report, and say.
func (e *env) run(f runFlags) error {
	p, err := newPlan(e.catalog, f)
	if err != nil {
		return err
	}
	run, err := openRunDir(f.out, "chaos-"+p.Impl)
	if err != nil {
		return err
	}
	p.useRunDir(run.Dir)
	if err := p.preflight(); err != nil {
		return err
	}
	r := e.execute(p, run)
	return e.report(r, run.Dir)
}

// execute runs the plan's seeds with a progress bar, if stderr is a
// terminal and there is more than one.
func (e *env) execute(p plan, run *report.Run) results {
	bar := newProgress(e.stderr, len(p.seeds()))
	outcomes := e.sweep(p, run, bar.increment)
	bar.wait()
	return results{Plan: p, Outcomes: outcomes, Interrupted: e.ctx.Err() != nil}
}

// report writes results.json and summary.txt, prints the summary (or, for
// one failing run, its whole report), and says whether anything was found.
func (e *env) report(r results, dir string) error {
	text := summary(r, dir)
	if len(r.Outcomes) == 1 && r.Outcomes[0].failed() && r.Outcomes[0].Saved != "" {
		if full, err := os.ReadFile(dir + "/" + r.Outcomes[0].Saved + "/summary.txt"); err == nil {
			text = string(full) + "\n" + text
		}
	}
	err := errors.Join(writeResults(dir, r), os.WriteFile(dir+"/summary.txt", []byte(text), 0o644))
	fmt.Fprint(e.stdout, text)
	if err != nil {
		return workErr(fmt.Errorf("writing the report in %s: %w", dir, err))
	}
	if len(failedOutcomes(r.Outcomes)) > 0 || !r.finished() {
		return errFinding
	}
	return nil
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes flags only, not %q (chaos %s --help)", cmd.Name(), args, cmd.Name())
	}
	return nil
}

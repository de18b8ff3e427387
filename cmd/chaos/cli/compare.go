package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

// compareFlags are chaos compare's flags.
type compareFlags struct {
	impls     string
	nodes     int
	seeds     int
	quiet     time.Duration
	repeat    int
	workers   int
	out       string
	incidents []string
}

func (e *env) compareCommand() *cobra.Command {
	var f compareFlags
	cmd := &cobra.Command{
		Use:   "compare",
		Short: "Compare implementations on the same nemesis seeds: a report card",
		Long: `compare runs every implementation on the same nemesis seeds, and once more
with no faults, and prints a Markdown table: findings per invariant, how
long the cluster took to elect a new leader after its leader went down
(crashed or paused) or was cut off, counted from when a majority could talk
(p50, p99, max), term changes per hour with no faults, vote and pre-vote
requests per election, and heartbeats (empty AppendEntries) per second to
each follower. With --incidents, also how each implementation's incident specs
went, read from the suite's own JSON reports.

An implementation whose runs ballot replays exactly (a Machine) gives the
same numbers every time. One that draws randomness ballot does not control
(goroutines, whose interleaving the scheduler picks; a Machine that
declares OwnRandomness) is measured --repeat times and shows the range.

With no --impl: your implementations, the reference, the 6.5840 example
and the zoo's sound entries.`,
		Example: `  chaos compare
  chaos compare --impl reference,reference-with-prevote --seeds 500 --out REPORT_CARD.md`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return e.compare(f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.impls, "impl", "", "implementations to compare, comma-separated (default: all but the zoo's bugs)")
	fl.IntVar(&f.nodes, "nodes", 5, "cluster size")
	fl.IntVar(&f.seeds, "seeds", 100, "nemesis seeds per implementation, from 1")
	fl.DurationVar(&f.quiet, "quiet", 10*time.Minute, "how long the run with no faults lasts, in virtual time")
	fl.IntVar(&f.repeat, "repeat", 3, "measurements of an implementation whose runs do not replay exactly")
	fl.IntVar(&f.workers, "workers", 0, "runs at once; 0 is one per core")
	fl.StringVar(&f.out, "out", "", "also write the table to this file")
	fl.StringSliceVar(&f.incidents, "incidents", nil, "Ginkgo JSON reports of the suite's incident specs (go test -ginkgo.label-filter=incident -ginkgo.json-report=FILE), for the incidents column")
	e.completeImpl(cmd)
	return cmd
}

// compare is chaos compare: check everything, measure, print the card.
func (e *env) compare(f compareFlags) error {
	impls, err := e.compared(f.impls)
	if err != nil {
		return err
	}
	if err := f.validate(); err != nil {
		return err
	}
	incidents, err := readIncidents(f.incidents)
	if err != nil {
		return err
	}
	var rows []cardRow
	for _, impl := range impls {
		e.printf(e.stderr, "chaos compare: %s\n", impl.Name())
		row := e.measureImpl(impl, f)
		row.incidents = incidents[impl.Name()]
		rows = append(rows, row)
		if e.ctx.Err() != nil {
			break
		}
	}
	card := renderCard(rows, f, compareCommandLine(f))
	if e.ctx.Err() != nil {
		// A partial card must not pass for a whole one, nor replace one.
		fmt.Fprintf(e.stdout, "interrupted: %d of %d implementations measured, the last perhaps in part; --out left alone\n\n%s", len(rows), len(impls), card)
		return errFinding
	}
	fmt.Fprint(e.stdout, card)
	if f.out != "" {
		if err := os.WriteFile(f.out, []byte(card), 0o644); err != nil {
			return workErr(fmt.Errorf("writing the card: %w", err))
		}
	}
	return nil
}

func (f compareFlags) validate() error {
	switch {
	case f.nodes < 3 || f.nodes > 9:
		return usagef("--nodes %d: compare clusters of 3 to 9 nodes", f.nodes)
	case f.seeds < 1:
		return usagef("--seeds %d: give at least one seed", f.seeds)
	case f.quiet < time.Minute:
		return usagef("--quiet %v: the run with no faults needs at least a minute to say anything about churn", f.quiet)
	case f.repeat < 1:
		return usagef("--repeat %d: measure at least once", f.repeat)
	case f.workers < 0:
		return usagef("--workers %d: give a count, or 0 for one per core", f.workers)
	}
	return nil
}

// compared resolves --impl, or picks every implementation but the bugs.
func (e *env) compared(list string) ([]implementation, error) {
	if strings.TrimSpace(list) == "" {
		var out []implementation
		for _, impl := range e.catalog {
			if !impl.bug && !impl.target.Realtime && impl.target.External == nil {
				out = append(out, impl)
			}
		}
		return out, nil
	}
	var out []implementation
	for _, name := range strings.Split(list, ",") {
		impl, err := e.catalog.lookup(strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		if impl.target.External != nil || impl.target.Realtime {
			return nil, usagef("--impl %s runs in wall time: compare measures implementations in virtual time", impl.Name())
		}
		out = append(out, impl)
	}
	return out, nil
}

// compareCommandLine is the command that makes the same card.
func compareCommandLine(f compareFlags) string {
	args := []string{filepath.Base(program), "compare"} // a card outlives the binary's path
	if f.impls != "" {
		args = append(args, "--impl", f.impls)
	}
	args = append(args, "--nodes", fmt.Sprint(f.nodes), "--seeds", fmt.Sprint(f.seeds), "--quiet", f.quiet.String(), "--repeat", fmt.Sprint(f.repeat))
	if len(f.incidents) > 0 {
		args = append(args, "--incidents", "REPORTS") // the suites' JSON reports, which a card's reader makes afresh
	}
	return strings.Join(args, " ")
}

package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/report"
	"github.com/ballot-go/ballot/specs/harness"
	"github.com/spf13/cobra"
)

func (e *env) checkCommand() *cobra.Command {
	var impl, out string
	cmd := &cobra.Command{
		Use:   "check FILE",
		Short: "Run every checker over a saved history.jsonl and write its report",
		Long: `check judges a history that was recorded before: a failure chaos run or the
suite saved, or a history another tool wrote in the same JSON lines. The
checkers take the implementation's declarations (its heartbeat budget,
whether it runs as goroutines) from --impl, or from the results.json of the
run directory the file sits in; with neither, nothing is judged that needs
them. The report, with timeline.html, goes to --out.`,
		Example: `  chaos check ~/.cache/ballot/runs/chaos-reference-20261130-101500/reference-seed-7/history.jsonl
  chaos check --impl reference-as-goroutines history.jsonl.gz`,
		Args: exactlyOneFile,
		RunE: func(_ *cobra.Command, args []string) error { return e.check(args[0], impl, out) },
	}
	cmd.Flags().StringVar(&impl, "impl", "", "the implementation that recorded it, for its declarations")
	cmd.Flags().StringVar(&out, "out", "", "where the report goes (default: a new run directory)")
	e.completeImpl(cmd)
	return cmd
}

func (e *env) check(file, impl, out string) error {
	h, err := checker.LoadHistory(file)
	if err != nil {
		return usagef("%v: give a history.jsonl (or .jsonl.gz) that chaos run or the suite saved", err)
	}
	target, note, err := e.declarations(file, impl)
	if err != nil {
		return err
	}
	run, err := openRunDir(out, "chaos-check")
	if err != nil {
		return err
	}
	f := report.Failure{Name: "check " + filepath.Base(file), Seed: h.Seed, History: h,
		Results: checker.Run(h, checkersFor(target)...)}
	fmt.Fprintf(e.stdout, "chaos check: %s, %d events, %d nodes, seed %d; %s\n\n", file, len(h.Events), h.Nodes, h.Seed, note)
	fmt.Fprint(e.stdout, verdictTable(f.Results))
	return e.saveChecked(run, f)
}

// declarations finds the implementation that recorded file: --impl, or the
// run directory's results.json, or none.
func (e *env) declarations(file, impl string) (harness.Target, string, error) {
	if impl == "" {
		if r, _, err := readResults(filepath.Dir(file)); err == nil && r.Plan.Cluster != "" {
			var runDir *string
			i, err := e.savedImplementation(r.Plan, &runDir)
			return i.target, "judged as the cluster of " + r.Plan.Cluster, err
		} else if err == nil {
			impl = r.Plan.Impl
		}
	}
	if impl == "" {
		return harness.Target{}, "no --impl and no results.json beside it: judged without declarations (no heartbeat budget; followers need not name their leader)", nil
	}
	i, err := e.catalog.lookup(impl)
	if err != nil {
		return harness.Target{}, "", err
	}
	return i.target, "judged as " + i.Name(), nil
}

func (e *env) saveChecked(run *report.Run, f report.Failure) error {
	if len(f.Violated()) == 0 {
		err := report.SaveEvidence(run.Dir, f.History, f.Results, report.TimelineOptions{Title: f.Name, Seed: f.Seed})
		fmt.Fprintf(e.stdout, "\nverdict: clean\nrun directory: %s\n", run.Dir)
		return workErr(err)
	}
	dir, err := run.SaveFailure(f)
	fmt.Fprintf(e.stdout, "\n%s", f.Text(dir))
	if err != nil {
		return workErr(err)
	}
	return errFinding
}

// verdictTable is one line per checker.
func verdictTable(rs []checker.Result) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "  %-16s %s\n", r.Checker, r.Outcome)
	}
	return b.String()
}

func exactlyOneFile(cmd *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usagef("%s takes one file, got %d (chaos %s --help)", cmd.Name(), len(args), cmd.Name())
	}
	return nil
}

// checkersFor is the target's checkers; a history of no known target is
// judged as leniently as any target could ask: a goroutine node need not
// say who leads, so Stability does not require it.
func checkersFor(t harness.Target) []checker.Checker {
	cs := t.Checkers(harness.Config{})
	if t.Name != "" {
		return cs
	}
	for i, c := range cs {
		if _, ok := c.(checker.Stability); ok {
			cs[i] = checker.Stability{AllowUnknownLeader: true}
		}
	}
	return cs
}

package cli

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

func (e *env) mergeCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "merge DIR...",
		Short: "Join the shards of a sweep into one run directory and one verdict",
		Long: `merge reads the results.json of each shard that chaos run --shard i/n wrote,
checks that they are shards of one sweep, and writes the sweep's
results.json and summary.txt as one unsharded chaos run would have. The
failing seeds' evidence stays where the shards saved it: the merged
results point there, so keep the shard directories.

A missing or interrupted shard is said loudly, and the merge exits 1: its
verdict covers only the seeds that ran.`,
		Example: `  chaos merge shard-*
  chaos merge --out sweep shard-1 shard-2 shard-3`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("merge takes the shards' run directories, such as chaos merge shard-* (chaos merge --help)")
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error { return e.merge(args, out) },
	}
	cmd.Flags().StringVar(&out, "out", "", "the merged run directory (default: a new one under $BALLOT_RUNS, or the user cache)")
	return cmd
}

// shardRun is one shard's run directory, read back.
type shardRun struct {
	dir string // absolute, so that evidence paths can be rebased
	r   results
}

// merge is chaos merge: every check comes before the merged directory is
// made, so a usage error leaves nothing behind.
func (e *env) merge(args []string, out string) error {
	shards, err := readShards(args)
	if err != nil {
		return err
	}
	p, err := sweepOf(shards)
	if err != nil {
		return err
	}
	if err := checkMergeOut(out, shards); err != nil {
		return err
	}
	run, err := openRunDir(out, "chaos-merge-"+p.Impl)
	if err != nil {
		return err
	}
	r := results{Plan: p, Outcomes: mergeOutcomes(shards, run.Dir)}
	gap := e.incompleteness(p, shards, len(r.Outcomes))
	// An incomplete merge must not read as clean, in the summary and in
	// results.json alike.
	r.Incomplete = gap
	err = e.report(r, run.Dir)
	if gap != "" {
		e.printf(e.stderr, "\nchaos merge: INCOMPLETE: %s\n", gap)
	}
	return err
}

// readShards reads every directory's results.json; a whole sweep's is
// refused, since merging it with anything would count its seeds twice.
func readShards(args []string) ([]shardRun, error) {
	var shards []shardRun
	for _, arg := range args {
		r, dir, err := readResults(arg)
		if err != nil {
			return nil, usagef("%v", err)
		}
		if r.Plan.Shard.N == 0 {
			return nil, usagef("%s holds a whole sweep, not a shard (it ran without --shard): merge the directories that chaos run --shard i/n wrote", dir)
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, usagef("%s: %v", dir, err)
		}
		shards = append(shards, shardRun{dir: abs, r: r})
	}
	return shards, nil
}

// sweepOf is the unsharded plan that every shard is part of, or a usage
// error naming the first shard that is not.
func sweepOf(shards []shardRun) (plan, error) {
	first := shards[0]
	seen := map[int]string{}
	for _, s := range shards {
		if s.r.Plan.Shard.N != first.r.Plan.Shard.N {
			return plan{}, usagef("%s is shard %s and %s is shard %s: they split the sweep differently; merge the shards of one --shard i/n split", first.dir, first.r.Plan.Shard, s.dir, s.r.Plan.Shard)
		}
		if flag, a, b := planDiff(first.r.Plan, s.r.Plan); flag != "" {
			return plan{}, usagef("%s is not a shard of the same sweep as %s: it ran %s %s, not %s; merge the shards of one sweep only", s.dir, first.dir, flag, b, a)
		}
		if other, twice := seen[s.r.Plan.Shard.I]; twice {
			return plan{}, usagef("shard %s is given twice, in %s and %s: give each shard's directory once", s.r.Plan.Shard, other, s.dir)
		}
		seen[s.r.Plan.Shard.I] = s.dir
	}
	p := first.r.Plan
	p.Shard = shard{}
	return p, nil
}

// planDiff is the first flag of the sweep on which a and b differ, with
// its two values; "" when they are the same sweep.
func planDiff(a, b plan) (flag, va, vb string) {
	fa, fb := sweepFlags(a), sweepFlags(b)
	for i := range fa {
		if fa[i][1] != fb[i][1] {
			return fa[i][0], fa[i][1], fb[i][1]
		}
	}
	return "", "", ""
}

// sweepFlags is every part of a plan that decides its seeds' runs, as the
// command line wrote it: what two shards of one sweep must share.
func sweepFlags(p plan) [][2]string {
	return [][2]string{
		{"--impl", p.Impl}, {"--nodes", fmt.Sprint(p.Nodes)}, {"--time", p.Time.String()},
		{"--interval", p.Interval.String()}, {"--settle", p.Settle.String()},
		{"--nemesis", strings.Join(p.Nemesis, ",")}, {"--seed", fmt.Sprint(p.Seed)},
		{"--seeds", fmt.Sprint(p.Seeds)}, {"--real-time", fmt.Sprint(p.RealTime)},
		{"--episodes", fmt.Sprintf("%q", formatEpisodes(p.Episodes))},
	}
}

// checkMergeOut refuses to write the merge over a shard's own results.
func checkMergeOut(out string, shards []shardRun) error {
	if out == "" {
		return nil
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return usagef("--out %s: %v", out, err)
	}
	for _, s := range shards {
		if abs == s.dir {
			return usagef("--out %s is the directory of shard %s: its results.json would be overwritten; give a new directory", out, s.r.Plan.Shard)
		}
	}
	return nil
}

// mergeOutcomes is every shard's outcomes in seed order, as one sweep
// lists them, with the evidence paths rebased onto dir: nothing is copied.
func mergeOutcomes(shards []shardRun, dir string) []outcome {
	base, err := filepath.Abs(dir)
	if err != nil {
		base = dir
	}
	var out []outcome
	for _, s := range shards {
		for _, o := range s.r.Outcomes {
			if o.Saved != "" {
				o.Saved = relative(base, filepath.Join(s.dir, o.Saved))
			}
			out = append(out, o)
		}
	}
	slices.SortFunc(out, func(a, b outcome) int { return cmp.Compare(a.Seed, b.Seed) })
	return out
}

// incompleteness says which shards are missing or were interrupted, how
// much of the sweep the verdict covers, and what to run; "" when the
// shards cover the whole sweep.
func (e *env) incompleteness(p plan, shards []shardRun, ran int) string {
	n := shards[0].r.Plan.Shard.N
	missing, stopped := shardGaps(shards, n)
	if len(missing) == 0 && len(stopped) == 0 {
		if ran == p.Seeds {
			return ""
		}
		return fmt.Sprintf("the shards' results.json hold %d of the sweep's %d seeds: run the shards again, each into a new directory", ran, p.Seeds)
	}
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, fmt.Sprintf("%s of %d %s missing", shardList(missing), n, verb(len(missing), "is", "are")))
	}
	if len(stopped) > 0 {
		parts = append(parts, fmt.Sprintf("%s of %d %s interrupted", shardList(stopped), n, verb(len(stopped), "was", "were")))
	}
	redo := slices.Concat(missing, stopped)
	return fmt.Sprintf("%s: the merged verdict covers %d of %d seeds.\nRun %s into %s and merge all %d shards again; %s is:\n  %s",
		strings.Join(parts, "; "), ran, p.Seeds, shardList(redo), verb(len(redo), "a new directory", "new directories"),
		n, shardList(redo[:1]), e.shardCommand(p, redo[0], n))
}

// shardGaps are the shards of n not given, and those given that were
// interrupted, in order.
func shardGaps(shards []shardRun, n int) (missing, stopped []int) {
	present := map[int]bool{}
	for _, s := range shards {
		present[s.r.Plan.Shard.I] = true
		if s.r.Interrupted {
			stopped = append(stopped, s.r.Plan.Shard.I)
		}
	}
	for i := 1; i <= n; i++ {
		if !present[i] {
			missing = append(missing, i)
		}
	}
	slices.Sort(stopped)
	return missing, stopped
}

// shardCommand is the chaos run command line of shard i of n of the sweep.
func (e *env) shardCommand(p plan, i, n int) string {
	if impl, err := e.catalog.lookup(p.Impl); err == nil {
		p.impl = impl // so that every fault that applies reads "all"
	}
	return fmt.Sprintf("%s --seeds %d --shard %d/%d --out shard-%d", p.replayCommand(p.Seed), p.Seeds, i, n, i)
}

// shardList is "shard 3" or "shards 3, 5".
func shardList(is []int) string {
	s := make([]string, len(is))
	for k, i := range is {
		s[k] = fmt.Sprint(i)
	}
	if len(is) == 1 {
		return "shard " + s[0]
	}
	return "shards " + strings.Join(s, ", ")
}

func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// shardedSweep is one sweep run whole, and again as n shards.
type shardedSweep struct {
	whole  string // the unsharded sweep's run directory
	code   int
	stdout string
	shards []string // shard i+1's run directory
}

func runSharded(t *testing.T, n int, args ...string) shardedSweep {
	t.Helper()
	s := shardedSweep{whole: t.TempDir()}
	s.code, s.stdout, _ = chaos(t, slices.Concat([]string{"run"}, args, []string{"--out", s.whole})...)
	for i := 1; i <= n; i++ {
		dir := t.TempDir()
		if code, stdout, stderr := chaos(t, slices.Concat([]string{"run"}, args, []string{"--shard", fmt.Sprintf("%d/%d", i, n), "--out", dir})...); code != s.code {
			t.Fatalf("shard %d/%d exited %d, the whole sweep %d\n%s%s", i, n, code, s.code, stdout, stderr)
		}
		s.shards = append(s.shards, dir)
	}
	return s
}

// Merging every shard gives what the unsharded sweep gave: the same seeds,
// verdicts and histories, the same summary, the same exit code; and the
// failing seeds' evidence is found from the merged directory.
func TestMergeGivesTheUnshardedVerdict(t *testing.T) {
	for _, args := range [][]string{
		{"--impl", "bug-majority-off-by-one", "--nodes", "3", "--seeds", "30"},
		{"--impl", "reference", "--nodes", "3", "--time", "20s", "--seeds", "12"},
	} {
		t.Run(args[1], func(t *testing.T) {
			s := runSharded(t, 3, args...)
			out := t.TempDir()
			code, stdout, stderr := chaos(t, append([]string{"merge", "--out", out}, s.shards...)...)
			if code != s.code {
				t.Fatalf("merge exited %d; the unsharded sweep %d\n%s%s", code, s.code, stdout, stderr)
			}
			sameOutcomes(t, readResults(t, s.whole), readResults(t, out))
			evidenceIsFound(t, out)
			if got, want := withoutPaths(stdout), withoutPaths(s.stdout); got != want {
				t.Errorf("the merged summary differs from the unsharded sweep's:\n%s\nwant:\n%s", got, want)
			}
			mergeIncomplete(t, s)
		})
	}
}

func sameOutcomes(t *testing.T, want, got savedResults) {
	t.Helper()
	if len(got.Outcomes) != len(want.Outcomes) {
		t.Fatalf("the merge holds %d outcomes; the unsharded sweep %d", len(got.Outcomes), len(want.Outcomes))
	}
	for i, w := range want.Outcomes {
		g := got.Outcomes[i]
		if g.Seed != w.Seed || !slices.Equal(g.Violated, w.Violated) || g.History != w.History {
			t.Errorf("outcome %d: seed %d, violated %v, history %s; the unsharded sweep: seed %d, violated %v, history %s",
				i, g.Seed, g.Violated, g.History, w.Seed, w.Violated, w.History)
		}
	}
}

func evidenceIsFound(t *testing.T, dir string) {
	t.Helper()
	for _, o := range readResults(t, dir).Outcomes {
		if o.Saved == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, o.Saved, "summary.txt")); err != nil {
			t.Errorf("seed %d: the evidence is not found from the merged directory: %v", o.Seed, err)
		}
	}
}

// withoutPaths is a summary without the lines that name directories, which
// differ between a sweep and its merged shards.
func withoutPaths(summary string) string {
	var keep []string
	for _, line := range strings.Split(summary, "\n") {
		if !strings.Contains(line, "evidence: ") && !strings.HasPrefix(line, "run directory: ") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

// Without its middle shard, the merge exits 1, names the missing shard and
// says how many seeds the verdict covers, whatever the shards found.
func mergeIncomplete(t *testing.T, s shardedSweep) {
	t.Helper()
	covered := len(readResults(t, s.shards[0]).Outcomes) + len(readResults(t, s.shards[2]).Outcomes)
	total := len(readResults(t, s.whole).Outcomes)
	code, stdout, stderr := chaos(t, "merge", "--out", t.TempDir(), s.shards[0], s.shards[2])
	want := fmt.Sprintf("INCOMPLETE: shard 2 of 3 is missing: the merged verdict covers %d of %d seeds", covered, total)
	if code != 1 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "--shard 2/3") {
		t.Errorf("merging shards 1 and 3 of 3: exit %d, stderr %q; want exit 1 and %q, with the command for --shard 2/3\n%s", code, stderr, want, stdout)
	}
}

// Directories that are not the shards of one sweep are refused before
// anything is written, with exit code 2 and what to give instead.
func TestMergeRefusesWhatIsNotOneSweep(t *testing.T) {
	run := func(args ...string) string {
		dir := t.TempDir()
		if code, stdout, stderr := chaos(t, slices.Concat([]string{"run", "--nodes", "3", "--time", "5s", "--seeds", "4"}, args, []string{"--out", dir})...); code != 0 {
			t.Fatalf("chaos run %v: exit %d\n%s%s", args, code, stdout, stderr)
		}
		return dir
	}
	one, two := run("--shard", "1/2"), run("--shard", "2/2")
	otherNodes, otherSplit, whole := run("--shard", "2/2", "--nodes", "5"), run("--shard", "1/3"), run()
	for _, c := range []struct {
		dirs []string
		want string
	}{
		{[]string{one, otherNodes}, "is not a shard of the same sweep as " + one + ": it ran --nodes 5, not 3"},
		{[]string{one, one}, "shard 1/2 is given twice"},
		{[]string{one, otherSplit}, "they split the sweep differently"},
		{[]string{one, t.TempDir()}, "holds no results.json"},
		{[]string{whole}, "holds a whole sweep, not a shard"},
		{nil, "merge takes the shards' run directories"},
	} {
		out := filepath.Join(t.TempDir(), "merged")
		code, stdout, stderr := chaos(t, append([]string{"merge", "--out", out}, c.dirs...)...)
		if code != 2 || !strings.Contains(stderr, c.want) || stdout != "" {
			t.Errorf("chaos merge %v: exit %d, stderr %q; want exit 2, %q and no report\n%s", c.dirs, code, stderr, c.want, stdout)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("chaos merge %v made %s although it refused to merge", c.dirs, out)
		}
	}
	if code, _, stderr := chaos(t, "merge", "--out", one, one, two); code != 2 || !strings.Contains(stderr, "would be overwritten") {
		t.Errorf("merging into a shard's own directory: exit %d, stderr %q; want exit 2 and a refusal", code, stderr)
	}
}

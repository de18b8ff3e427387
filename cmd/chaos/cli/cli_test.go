package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ballot-go/ballot/cmd/chaos/cli"
)

// chaos runs one command line and returns its exit code and output. Run
// directories go under the test's temporary directory.
func chaos(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("BALLOT_RUNS", filepath.Join(t.TempDir(), "runs"))
	var stdout, stderr bytes.Buffer
	code := cli.Execute(context.Background(), t, args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// Bad input fails before any work, with exit code 2 and the valid values.
func TestBadInputIsAUsageError(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "--impl", "nope"}, "the implementations are reference, "},
		{[]string{"run", "--nemesis", "isolate,flood"}, `unknown fault "flood": the faults are all, or any of bridge, crash`},
		{[]string{"run", "--nodes", "0"}, "--nodes 0: a cluster has 1 to 64 nodes"},
		{[]string{"run", "--seeds", "-1"}, "--seeds -1: give how many seeds"},
		{[]string{"run", "--shard", "3/2"}, `--shard "3/2": write i/n`},
		{[]string{"run", "--out", "/proc/chaos-cannot-write-here"}, "--out /proc/chaos-cannot-write-here: "},
		{[]string{"run", "--impl", "reference-as-goroutines", "--nemesis", "skew"}, "skew does not apply to reference as goroutines"},
		{[]string{"run", "--real-time"}, "--real-time: reference is a deterministic Machine"},
		{[]string{"run", "--episodes", "x"}, `"x" is not an episode number`},
		{[]string{"run", "--time", "soon"}, `invalid argument "soon" for "--time"`},
		{[]string{"run", "extra"}, "run takes flags only"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"check"}, "check takes one file, got 0"},
		{[]string{"check", "/no/such/history.jsonl"}, "give a history.jsonl"},
		{[]string{"replay", t.TempDir()}, "holds no results.json"},
	} {
		code, stdout, stderr := chaos(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("chaos %v: exit %d, stderr %q; want exit 2 and %q", c.args, code, stderr, c.want)
		}
		if stdout != "" {
			t.Errorf("chaos %v printed a report although nothing should have run:\n%s", c.args, stdout)
		}
	}
}

func TestCleanRunExitsZeroAndWritesItsReport(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := chaos(t, "run", "--nodes", "3", "--time", "20s", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"verdict: clean: 1 run, no finding", "replay: chaos run --impl reference --nodes 3 --time 20s", out} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the summary does not say %q:\n%s", want, stdout)
		}
	}
	for _, file := range []string{"summary.txt", "results.json", "history.jsonl", "timeline.html"} {
		if _, err := os.Stat(filepath.Join(out, file)); err != nil {
			t.Errorf("the run directory lacks %s: %v", file, err)
		}
	}
}

// A bug is found on every seed of a small sweep, named by its invariant,
// with a replay line and evidence per seed.
func TestSweepFindsABugAndExitsOne(t *testing.T) {
	out := t.TempDir()
	code, stdout, _ := chaos(t, "run", "--impl", "bug-majority-off-by-one", "--nodes", "3", "--seeds", "8", "--out", out)
	if code != 1 {
		t.Fatalf("exit %d; want 1\n%s", code, stdout)
	}
	r := readResults(t, out)
	if len(r.Outcomes) != 8 {
		t.Fatalf("results.json holds %d outcomes; want 8", len(r.Outcomes))
	}
	for _, o := range r.Outcomes {
		if !slices.Contains(o.Violated, "LeaderHasQuorum") || o.Saved == "" {
			t.Errorf("seed %d: violated %v, evidence %q; want LeaderHasQuorum, with evidence", o.Seed, o.Violated, o.Saved)
		}
	}
	if !strings.Contains(stdout, "LeaderHasQuorum  8") {
		t.Errorf("the summary does not count 8 seeds for LeaderHasQuorum:\n%s", stdout)
	}
}

// savedResults is the part of results.json the tests read.
type savedResults struct {
	Outcomes []struct {
		Seed     uint64   `json:"seed"`
		Violated []string `json:"violated"`
		Saved    string   `json:"saved"`
		History  string   `json:"history_digest"`
	} `json:"outcomes"`
}

func readResults(t *testing.T, dir string) savedResults {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r savedResults
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

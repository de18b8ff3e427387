package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Killing chaos with SIGKILL in the middle of a cluster run leaves no node
// process behind: each dies with it.
func TestKilledChaosLeavesNoOrphans(t *testing.T) {
	switch {
	case testing.Short():
		t.Skip("runs real processes: skipped with -short")
	case raceEnabled:
		t.Skip("real processes in real time: run without -race (.ci/run does)")
	}
	out := t.TempDir()
	cmd := exec.Command(os.Args[0], "run", "--cluster", clusterFile(t, 3), "--time", "60s", "--out", out)
	cmd.Env = append(os.Environ(), asChaos+"=1", "BALLOT_RUNS="+t.TempDir())
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	t.Cleanup(func() { killUnder(t, out) })     // should the test fail, stop what it left, by pid
	run := filepath.Join(out, "cluster-seed-1") // the run's nodes, not the preflight's
	if !eventually(20*time.Second, func() bool { return len(processesUnder(t, run)) >= 3 }) {
		t.Fatalf("the run's 3 nodes never showed up: %v", processesUnder(t, out))
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if !eventually(5*time.Second, func() bool { return len(processesUnder(t, out)) == 0 }) {
		left := processesUnder(t, out)
		t.Errorf("node processes outlived a killed chaos: %v", left)
	}
}

// eventually polls cond every 20 ms until it holds or within passes.
func eventually(within time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return cond()
}

// killUnder kills, by pid, the processes whose command line names dir.
func killUnder(t *testing.T, dir string) {
	for _, p := range processesUnder(t, dir) {
		pid, _, _ := strings.Cut(p, ":")
		if n, err := strconv.Atoi(pid); err == nil {
			syscall.Kill(n, syscall.SIGKILL)
		}
	}
}

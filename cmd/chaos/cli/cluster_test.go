package cli_test

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// chaos run --cluster against real chaos node processes on loopback, under
// partitions, crashes and pauses: a clean report, and nothing left behind.
func TestClusterOfChaosNodesIsClean(t *testing.T) {
	switch {
	case testing.Short():
		t.Skip("runs real processes for about 40 s of wall time: skipped with -short")
	case raceEnabled:
		// The nodes would be this binary, instrumented: elections in real
		// time on a loaded machine would time out. .ci/run runs it without.
		t.Skip("real processes in real time: run without -race (.ci/run does)")
	}
	mixed := "isolate-leader,crash-leader,pause-leader,halves,one-way,crash,half-open"
	for _, run := range []struct {
		nodes   int
		nemesis string
		time    string
	}{{3, mixed, "12s"}, {5, mixed, "12s"}, {5, "half-open", "8s"}} {
		t.Run(fmt.Sprintf("%d nodes, %s", run.nodes, run.nemesis), func(t *testing.T) {
			listening := listeners(t)
			out := t.TempDir()
			code, stdout, stderr := chaos(t, "run", "--cluster", clusterFile(t, run.nodes), "--time", run.time, "--interval", "2s",
				"--settle", "6s", "--nemesis", run.nemesis, "--out", out)
			if code != 0 || !strings.Contains(stdout, "verdict: clean") {
				t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
			}
			if run.nemesis == "half-open" {
				killedSome(t, filepath.Join(out, "history.jsonl"))
			}
			code, stdout, stderr = chaos(t, "check", "--out", t.TempDir(), filepath.Join(out, "history.jsonl"))
			if code != 0 || !strings.Contains(stdout, "judged as the cluster of") {
				t.Errorf("chaos check of the run's history: exit %d\n%s%s", code, stdout, stderr)
			}
			if left := processesUnder(t, out); len(left) > 0 {
				t.Errorf("node processes left after the run: %v", left)
			}
			if now := listeners(t); now > listening {
				t.Errorf("%d listening sockets before the run, %d after", listening, now)
			}
		})
	}
}

// killedSome fails unless the history shows a half-open fault that killed
// live connections: the report says what the fault touched.
func killedSome(t *testing.T, history string) {
	t.Helper()
	b, err := os.ReadFile(history)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`inject half-open n\d \([1-9]\d* live connections killed; new ones work\)`).Match(b) {
		t.Errorf("no half-open in the history killed a live connection:\n%s", b)
	}
}

// clusterFile writes a cluster of n chaos node processes: this test binary,
// as chaos.
func clusterFile(t *testing.T, n int) string {
	t.Setenv(asChaos, "1")
	var b strings.Builder
	fmt.Fprintf(&b, "command: [%q, node, --id, \"{id}\", --listen, \"{listen}\", --state, \"{state}\", --data, \"{data}\", \"{peers}\"]\nnodes:\n", os.Args[0])
	for i := range n {
		fmt.Fprintf(&b, "  - id: %d\n", i)
	}
	path := filepath.Join(t.TempDir(), "cluster.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// processesUnder lists the processes whose command line names dir: the
// nodes of a run whose data lives there.
func processesUnder(t *testing.T, dir string) []string {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, e := range entries {
		cmdline, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && strings.Contains(string(cmdline), dir) {
			found = append(found, e.Name()+": "+strings.ReplaceAll(string(cmdline), "\x00", " "))
		}
	}
	return found
}

// listeners counts this process's listening TCP sockets.
func listeners(t *testing.T) int {
	inodes := map[string]bool{}
	for _, table := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		b, err := os.ReadFile(table)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(b), "\n")[1:] {
			if f := strings.Fields(line); len(f) > 9 && f[3] == "0A" {
				inodes[f[9]] = true
			}
		}
	}
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, fd := range fds {
		target, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name()))
		if err == nil && strings.HasPrefix(target, "socket:[") && inodes[strings.TrimSuffix(strings.TrimPrefix(target, "socket:["), "]")] {
			n++
		}
	}
	return n
}

// A cluster file that is wrong, or whose nodes cannot start, is a usage
// error naming the file, the line or the node, and the cause.
func TestBadClusterIsAUsageError(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	node := "[\"/bin/true\"]"
	for _, c := range []struct {
		file, want string
	}{
		{write("broken.yaml", "nodes: [\n"), "broken.yaml: yaml: "},
		{write("typo.yaml", "nodes:\n  - id: 0\n    comand: "+node+"\n"), "field comand not found"},
		{write("ids.yaml", "command: "+node+"\nnodes:\n  - id: 0\n  - id: 2\n"), "ids.yaml:4: node 1: give it id: 1"},
		{write("empty.yaml", "command: "+node+"\n"), "no nodes"},
		{write("missing.yaml", "command: [/no/such/chaos]\nnodes:\n  - id: 0\n"), "node 0: procnet: starting \"/no/such/chaos\""},
		{write("exits.yaml", "command: [/bin/false]\nnodes:\n  - id: 0\n"), "node 0 (/bin/false) exited before it served /state"},
		{filepath.Join(dir, "absent.yaml"), "give the YAML file"},
	} {
		code, stdout, stderr := chaos(t, "run", "--cluster", c.file, "--out", t.TempDir())
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("--cluster %s: exit %d, stderr %q; want exit 2 and %q\n%s", filepath.Base(c.file), code, stderr, c.want, stdout)
		}
	}
	code, _, stderr := chaos(t, "run", "--cluster", write("three.yaml", "command: "+node+"\nnodes:\n  - id: 0\n  - id: 1\n  - id: 2\n"), "--nodes", "5")
	if code != 2 || !strings.Contains(stderr, "--nodes 5, but") {
		t.Errorf("--nodes against the file: exit %d, %q", code, stderr)
	}
}

// A node that answers /state with garbage, and a node whose port is taken,
// are usage errors naming the node and the cause.
func TestClusterNodesThatCannotStartAreUsageErrors(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	dir := t.TempDir()
	t.Setenv(asChaos, "garbage")
	garbage := filepath.Join(dir, "garbage.yaml")
	os.WriteFile(garbage, []byte(fmt.Sprintf("command: [%q]\nnodes:\n  - id: 0\n", os.Args[0])), 0o644)
	code, _, stderr := chaos(t, "run", "--cluster", garbage, "--out", t.TempDir())
	if code != 2 || !strings.Contains(stderr, "node 0 answered GET") || !strings.Contains(stderr, "<html>leader</html>") {
		t.Errorf("a node answering garbage: exit %d, %q", code, stderr)
	}
	t.Setenv(asChaos, "1")
	inUse := filepath.Join(dir, "in-use.yaml")
	os.WriteFile(inUse, []byte(fmt.Sprintf("command: [%q, node, --id, \"{id}\", --listen, \"{listen}\", --state, \"{state}\", --data, \"{data}\", \"{peers}\"]\nnodes:\n  - id: 0\n    listen: %s\n", os.Args[0], taken.Addr())), 0o644)
	code, _, stderr = chaos(t, "run", "--cluster", inUse, "--out", t.TempDir())
	if code != 2 || !strings.Contains(stderr, "node 0") || !strings.Contains(stderr, "address already in use") {
		t.Errorf("a node whose port is taken: exit %d, %q", code, stderr)
	}
}

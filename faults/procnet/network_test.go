package procnet_test

import (
	"errors"
	"net/http"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/procnet"
	"github.com/ballot-go/ballot/impl"
)

// start runs nodes copies of the test binary as mode ("reference" or
// "garbage") and stops them when the test ends, checking by pid that none
// is left.
func start(t *testing.T, nodes int, mode string, tracer faults.Tracer) (*procnet.Network, error) {
	return startWith(t, nodes, mode, procnet.Config{Tracer: tracer})
}

func startWith(t *testing.T, nodes int, mode string, cfg procnet.Config) (*procnet.Network, error) {
	t.Helper()
	t.Setenv(nodeEnv, mode)
	cfg.Dir, cfg.Seed, cfg.Start = t.TempDir(), 1, 5*time.Second
	for i := range nodes {
		cfg.Nodes = append(cfg.Nodes, procnet.NodeSpec{ID: i, Command: []string{os.Args[0]}})
	}
	n, err := procnet.New(cfg)
	if err == nil {
		t.Cleanup(func() { n.Close(); noneLeft(t, n) })
	}
	return n, err
}

// noneLeft fails if a process of n still exists after Close.
func noneLeft(t *testing.T, n *procnet.Network) {
	for _, pid := range n.Pids() {
		if err := syscall.Kill(pid, 0); !errors.Is(err, syscall.ESRCH) {
			t.Errorf("node process %d is still there after Close (kill -0: %v)", pid, err)
		}
	}
}

func awaitLeader(t *testing.T, n *procnet.Network, within time.Duration) int {
	t.Helper()
	var leader int
	if !n.RunUntil(within, func() bool { var ok bool; leader, ok = n.Leader(); return ok }) {
		t.Fatalf("no leader within %v: statuses %v", within, statuses(n))
	}
	return leader
}

func statuses(n *procnet.Network) []impl.Status {
	var out []impl.Status
	for i := range n.Size() {
		out = append(out, n.Status(i))
	}
	return out
}

// Three processes elect a leader; killing it gets another in a higher
// term; the killed one restarts with its term and vote.
func TestCrashedLeaderIsReplacedAndRestartKeepsItsTerm(t *testing.T) {
	n, err := start(t, 3, "reference", nil)
	if err != nil {
		t.Fatal(err)
	}
	old := awaitLeader(t, n, 5*time.Second)
	term := n.Status(old).Term
	if err := n.Crash(old); err != nil {
		t.Fatal(err)
	}
	if st := n.Status(old); st.Role != impl.Down || n.Live(old) {
		t.Fatalf("crashed node %d reports %v, live %t", old, st, n.Live(old))
	}
	next := awaitLeader(t, n, 5*time.Second)
	if next == old || n.Status(next).Term <= term {
		t.Fatalf("after crashing leader %d of term %d, the leader is %d of term %d", old, term, next, n.Status(next).Term)
	}
	if err := n.Restart(old); err != nil {
		t.Fatal(err)
	}
	if got := n.Status(old).Term; got < term {
		t.Fatalf("restarted node %d came back in term %d, below its term %d before the crash", old, got, term)
	}
}

// An isolated leader is cut off at its proxies: the others elect another.
// With a proxy per link, and with a proxy per member that tells callers
// apart by the owner of their socket.
func TestGrudgeCutsTheLeaderOff(t *testing.T) {
	eachProxyMode(t, isolateTheLeader)
}

// eachProxyMode runs f with a proxy per link, then with a proxy per member.
func eachProxyMode(t *testing.T, f func(t *testing.T, perMember bool)) {
	for _, perMember := range []bool{false, true} {
		t.Run(map[bool]string{false: "per link", true: "per member"}[perMember], func(t *testing.T) { f(t, perMember) })
	}
}

func isolateTheLeader(t *testing.T, perMember bool) {
	n, err := startWith(t, 3, "reference", procnet.Config{PerMember: perMember})
	if err != nil {
		t.Fatal(err)
	}
	old := awaitLeader(t, n, 5*time.Second)
	n.SetGrudge("cut", faults.Isolate(3, old))
	var next int
	if !n.RunUntil(5*time.Second, func() bool {
		for i := range 3 {
			if st := n.Status(i); i != old && st.Role == impl.Leader && st.Term > n.Status(old).Term {
				next = i
				return true
			}
		}
		return false
	}) {
		t.Fatalf("no new leader within 5s of isolating leader %d: %v", old, statuses(n))
	}
	t.Logf("leader %d isolated; node %d leads term %d", old, next, n.Status(next).Term)
}

// A paused node is frozen: it stops answering /state and is not live.
func TestPauseFreezesTheProcess(t *testing.T) {
	n, err := start(t, 3, "reference", nil)
	if err != nil {
		t.Fatal(err)
	}
	awaitLeader(t, n, 5*time.Second)
	if err := n.Pause(1); err != nil {
		t.Fatal(err)
	}
	if n.Live(1) || n.Topology().Live[1] {
		t.Fatal("a paused node counts as live")
	}
	if err := n.Pause(1); !errors.Is(err, faults.ErrPaused) {
		t.Errorf("a second Pause returned %v; want faults.ErrPaused", err)
	}
	client := &http.Client{Timeout: 300 * time.Millisecond}
	url := "http://" + n.Addresses(1).State + "/state"
	if resp, err := client.Get(url); err == nil {
		resp.Body.Close()
		t.Fatal("a paused node answered /state: SIGSTOP should have frozen it")
	}
	if err := n.Resume(1); err != nil {
		t.Fatal(err)
	}
	if !n.Live(1) {
		t.Fatal("a resumed node is not live")
	}
	resp, err := (&http.Client{Timeout: 5 * time.Second}).Get(url)
	if err != nil {
		t.Fatalf("a resumed node does not answer /state: %v", err)
	}
	resp.Body.Close()
}

func TestUnsupportedFaultsSaySo(t *testing.T) {
	n, err := start(t, 3, "reference", nil)
	if err != nil {
		t.Fatal(err)
	}
	for what, err := range map[string]error{
		"a drop of half":   n.SetRule("r", faults.LinkRule{From: faults.AnyNode, To: faults.AnyNode, Drop: 0.5}),
		"a rule by kind":   n.SetRule("r", faults.LinkRule{From: faults.AnyNode, To: faults.AnyNode, Kinds: []impl.Kind{impl.KindHeartbeat}, Drop: 1}),
		"a duplicate rule": n.SetRule("r", faults.LinkRule{From: faults.AnyNode, To: faults.AnyNode, Duplicate: 1}),
		"skew":             n.Skew(0, 2),
	} {
		if !errors.Is(err, faults.ErrUnsupported) {
			t.Errorf("%s returned %v; want an error wrapping faults.ErrUnsupported", what, err)
		}
	}
	if err := n.SetRule("slow", faults.LinkRule{From: 0, To: 1, Delay: faults.Delay{Base: 20 * time.Millisecond}}); err != nil {
		t.Errorf("a delay of a whole link: %v", err)
	}
}

// A node that answers /state with garbage, a binary that does not exist
// and a node that never answers are errors naming the node.
func TestBadNodesAreNamed(t *testing.T) {
	if _, err := start(t, 1, "garbage", nil); err == nil || !strings.Contains(err.Error(), "node 0 answered GET") {
		t.Errorf("a node answering garbage: %v", err)
	}
	cfg := procnet.Config{Dir: t.TempDir(), Start: time.Second,
		Nodes: []procnet.NodeSpec{{ID: 0, Command: []string{"/no/such/binary"}}}}
	if _, err := procnet.New(cfg); err == nil || !strings.Contains(err.Error(), "node 0") || !strings.Contains(err.Error(), "/no/such/binary") {
		t.Errorf("a missing binary: %v", err)
	}
	cfg.Nodes[0].Command = []string{"sleep", "30"}
	if _, err := procnet.New(cfg); err == nil || !strings.Contains(err.Error(), "node 0 did not serve GET") {
		t.Errorf("a node that never serves /state: %v", err)
	}
}

// Per member, a connection carries both directions, so a one-way cut is
// two-way, and the topology says so.
func TestPerMemberCutsAreTwoWay(t *testing.T) {
	n, err := startWith(t, 3, "reference", procnet.Config{PerMember: true})
	if err != nil {
		t.Fatal(err)
	}
	n.SetGrudge("one way", faults.OneWay([]int{0}, []int{1}))
	if cut := n.Topology().Cut; !cut[0][1] || !cut[1][0] || cut[0][2] {
		t.Fatalf("a one-way cut of 0->1 per member: cut matrix %v; want 0<->1 cut, nothing else", cut)
	}
}

package harness_test

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/driver"
	"github.com/ballot-go/ballot/impl/raft"
	"github.com/ballot-go/ballot/specs/harness"
)

func reference(t testing.TB) harness.Target {
	f, err := raft.DefaultConfig().Factory()
	if err != nil {
		t.Fatal(err)
	}
	return harness.Target{Name: "reference", Machine: f}
}

func TestNewRejectsBadInput(t *testing.T) {
	ref := reference(t)
	cases := []struct {
		name   string
		target harness.Target
		cfg    harness.Config
		want   string
	}{
		{"zero nodes", ref, harness.Config{}, "Nodes is 0: a cluster has 1 to 64 nodes"},
		{"negative nodes", ref, harness.Config{Nodes: -2}, "Nodes is -2"},
		{"too many nodes", ref, harness.Config{Nodes: 65}, "Nodes is 65"},
		{"negative tick", ref, harness.Config{Nodes: 3, Tick: -time.Millisecond}, "Tick is -1ms"},
		{"negative election bound", ref, harness.Config{Nodes: 3, ElectionBy: -time.Second}, "ElectionBy is -1s"},
		{"bad latency", ref, harness.Config{Nodes: 3, Latency: faults.Delay{Base: -time.Millisecond}}, "sim:"},
		{"unnamed target", harness.Target{Machine: ref.Machine}, harness.Config{Nodes: 3}, "Target.Name is empty"},
		{"no factory", harness.Target{Name: "mine"}, harness.Config{Nodes: 3}, `target "mine" has no factory: set Target.Machine, Target.Node or Target.External`},
		{"two factories", harness.Target{Name: "both", Machine: ref.Machine, Node: driver.Node(ref.Machine, time.Millisecond)},
			harness.Config{Nodes: 3}, "sets more than one of Machine, Node and External"},
		{"external without start", harness.Target{Name: "far", External: &harness.External{}}, harness.Config{Nodes: 3}, "has an External with no Start"},
		{"realtime machine", harness.Target{Name: "rt", Machine: ref.Machine, Realtime: true}, harness.Config{Nodes: 3}, "Realtime is for Node targets"},
		{"factory fails", harness.Target{Name: "broken", Machine: func(impl.MachineConfig) (impl.Machine, error) {
			return nil, errString("out of disks")
		}}, harness.Config{Nodes: 3}, "out of disks"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := harness.New(tc.target, tc.cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("New() = %v, %v; want an error containing %q", c, err, tc.want)
			}
		})
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestNodeOutOfRangeIsAnError(t *testing.T) {
	c := mustStart(t, 3, 1)
	for name, op := range map[string]func() error{
		"disconnect": func() error { return c.Disconnect(3) },
		"crash":      func() error { return c.Crash(-1) },
		"pause":      func() error { return c.Pause(7) },
	} {
		if err := op(); err == nil || !strings.Contains(err.Error(), "nodes are 0 to 2") {
			t.Errorf("%s: error %v; want one naming the valid range", name, err)
		}
	}
}

func TestCheckNoLeaderNamesTheLeader(t *testing.T) {
	c := mustStart(t, 3, 2)
	leader, term, err := c.CheckOneLeader()
	if err != nil {
		t.Fatal(err)
	}
	err = c.CheckNoLeader()
	want := "node " + itoa(leader) + " claims to lead term " + itoa(int(term))
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("CheckNoLeader() = %v; want it to say %q", err, want)
	}
}

func TestIsolatedMajorityElectsAndHistoryPassesCheckers(t *testing.T) {
	c := mustStart(t, 5, 3)
	leader, term, err := c.CheckOneLeader()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Disconnect(leader); err != nil {
		t.Fatal(err)
	}
	leader2, term2, err := c.CheckOneLeader()
	if err != nil {
		t.Fatal(err)
	}
	if leader2 == leader || term2 <= term {
		t.Fatalf("after isolating %d (term %d) the leader is %d (term %d)", leader, term, leader2, term2)
	}
	c.HealPartition()
	if _, _, err := c.CheckConverged(); err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Check() {
		if r.Outcome == checker.Violated {
			t.Errorf("%v", r)
		}
	}
}

// The same seed must give the same history, event for event.
func TestSameSeedSameHistory(t *testing.T) {
	run := func(seed uint64) [32]byte {
		c := mustStart(t, 5, seed)
		schedule, err := faults.RandomSchedule(seededRand(seed), 5, faults.NamesFor(sim.Capabilities()), 30*time.Second, 2*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.RunSchedule(schedule); err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(c.History())
		if err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(b)
	}
	if a, b := run(42), run(42); a != b {
		t.Fatalf("seed 42 gave two different histories: %x and %x", a, b)
	}
	if a, b := run(42), run(43); a == b {
		t.Fatal("seeds 42 and 43 gave the same history")
	}
}

func mustStart(t *testing.T, nodes int, seed uint64) *harness.Cluster {
	t.Helper()
	c, err := harness.New(reference(t), harness.Config{Nodes: nodes, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A machine that panics is a finding of Check, the first one, with its
// stack; the framework goes on.
func TestPanickingMachineIsReportedNotFatal(t *testing.T) {
	c := runFragile(t)
	first := c.Check()[0]
	if first.Checker != "NoPanic" || first.Outcome != checker.Violated ||
		!strings.Contains(first.Violations[0].Summary, "node 2 panicked in Step: vote request from") {
		t.Fatalf("the first result is %v; want NoPanic naming node 2's panic", first)
	}
	if stack := first.Violations[0].Window; !strings.Contains(fmt.Sprint(stack), "panicOnStep") {
		t.Errorf("the evidence does not hold the stack: %v", stack)
	}
}

// The network, not the harness, knows that a panic crashed a node: the
// history shows the node down from the moment it panicked, so that no
// checker counts it among the nodes that can still communicate.
func TestPanicCrashedNodeIsRecordedDown(t *testing.T) {
	c := runFragile(t)
	var panicAt time.Duration = -1
	for _, e := range c.History().Events {
		switch {
		case e.Type == checker.Panic:
			panicAt = e.At
		case e.Type == checker.Topology && e.Detail == faults.WhyPanicked:
			if panicAt < 0 || e.At != panicAt || e.Node != 2 || e.Net.IsLive(2) || !e.Net.IsLive(0) || !e.Net.Faulty {
				t.Fatalf("after a panic at %v: %+v; want node 2 down at that moment, the rest up, the network faulty", panicAt, e)
			}
			return
		}
	}
	t.Fatalf("no topology records node 2 down after its panic at %v", panicAt)
}

// runFragile runs 3 nodes, node 2 of which panics on its first vote
// request, for 5 s.
func runFragile(t *testing.T) *harness.Cluster {
	ref := reference(t)
	target := harness.Target{Name: "fragile", Machine: func(cfg impl.MachineConfig) (impl.Machine, error) {
		m, err := ref.Machine(cfg)
		return &panicOnStep{Machine: m, id: cfg.ID}, err
	}}
	c, err := harness.New(target, harness.Config{Nodes: 3, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	c.RunFor(5 * time.Second)
	return c
}

// panicOnStep is node 2 with a bug: it panics on any vote request.
type panicOnStep struct {
	impl.Machine
	id int
}

func (p *panicOnStep) Step(m impl.Message) {
	if p.id == 2 && m.Kind == impl.KindVoteRequest {
		panic("vote request from " + itoa(m.From))
	}
	p.Machine.Step(m)
}

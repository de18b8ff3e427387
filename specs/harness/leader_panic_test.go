package harness_test

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/specs/harness"
)

// ReElection judged on real runs where the first leader panics: the panic
// is a crash, so the four other nodes are the majority that must elect a
// new leader. Healthy followers do; followers that stop counting time once the
// leader is gone do not, and the report must name the four, not the dead
// leader.
func TestLeaderPanicIsJudgedByReElection(t *testing.T) {
	for _, tc := range []struct {
		name          string
		followersStop bool
		want          checker.Outcome
	}{
		{"followers elect a new leader", false, checker.Ok},
		{"followers stop their clocks", true, checker.Violated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, dead := reElectionAfterLeaderPanic(t, tc.followersStop)
			if r.Outcome != tc.want {
				t.Fatalf("ReElection: %v; want %v", r, tc.want)
			}
			if live := othersThan(dead, 5); tc.want == checker.Violated && !strings.Contains(r.Violations[0].Summary, live) {
				t.Errorf("the finding does not name the four live nodes %s, and only them: %s", live, r.Violations[0].Summary)
			}
		})
	}
}

// reElectionAfterLeaderPanic runs 5 nodes whose first leader panics, and
// returns ReElection's verdict and the node that panicked.
func reElectionAfterLeaderPanic(t *testing.T, followersStop bool) (checker.Result, int) {
	t.Helper()
	ref := reference(t)
	var panicked atomic.Bool
	var dead atomic.Int64
	target := harness.Target{Name: "leader-panics", Machine: func(cfg impl.MachineConfig) (impl.Machine, error) {
		m, err := ref.Machine(cfg)
		return &panicsWhenLeading{Machine: m, id: cfg.ID, panicked: &panicked, dead: &dead, followersStop: followersStop}, err
	}}
	c, err := harness.New(target, harness.Config{Nodes: 5, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	c.RunFor(15 * time.Second)
	// Close marks the end of the run: a history has no end of its own.
	c.Close()
	if !panicked.Load() {
		t.Fatal("no node led, so none panicked")
	}
	for _, r := range c.Check() {
		if r.Checker == "ReElection" {
			return r, int(dead.Load())
		}
	}
	t.Fatal("no ReElection result")
	return checker.Result{}, 0
}

// othersThan is "{…}" of the n nodes but dead, as reports write sets.
func othersThan(dead, n int) string {
	var ids []string
	for i := range n {
		if i != dead {
			ids = append(ids, itoa(i))
		}
	}
	return "{" + strings.Join(ids, ", ") + "}"
}

// panicsWhenLeading has a bug: the first node to lead panics on its first
// tick as leader. With followersStop the other nodes have a second bug:
// once it has panicked, they stop ticking, so none of them campaigns.
type panicsWhenLeading struct {
	impl.Machine
	id            int
	panicked      *atomic.Bool
	dead          *atomic.Int64
	followersStop bool
}

func (p *panicsWhenLeading) Tick() {
	if p.Status().Role == impl.Leader && p.panicked.CompareAndSwap(false, true) {
		p.dead.Store(int64(p.id))
		panic("the first leader cannot lead")
	}
	if p.followersStop && p.panicked.Load() {
		return
	}
	p.Machine.Tick()
}

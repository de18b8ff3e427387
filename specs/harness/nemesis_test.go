package harness_test

import (
	"crypto/sha256"
	"encoding/json"
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/specs/harness"
)

// A random-nemesis run of the reference finds nothing, and its seed replays
// it event for event.
func TestRunNemesisIsCleanAndReplays(t *testing.T) {
	digest := func(v harness.Verdict) [32]byte {
		b, err := json.Marshal(v.History)
		if err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(b)
	}
	cfg := harness.Config{Nodes: 5, Seed: 7}
	first := harness.RunNemesis(reference(t), cfg, harness.Nemesis{})
	if first.Failed() {
		t.Fatalf("the reference failed a nemesis run: %v %v", first.Err, first.Results)
	}
	if end := first.History.Events[len(first.History.Events)-1].At; end < 70*time.Second {
		t.Errorf("the run ended at %v; want 60 s of faults and 10 s of settling", end)
	}
	if digest(first) != digest(harness.RunNemesis(reference(t), cfg, harness.Nemesis{})) {
		t.Fatal("seed 7 gave two different histories")
	}
}

// A run of an election that never elects anyone is caught by ReElection:
// the first election is owed within 5 s like any other.
func TestRunNemesisCatchesNoLeader(t *testing.T) {
	mute := harness.Target{Name: "mute", Machine: func(cfg impl.MachineConfig) (impl.Machine, error) {
		return &muteMachine{id: cfg.ID}, nil
	}}
	v := harness.RunNemesis(mute, harness.Config{Nodes: 3, Seed: 1}, harness.Nemesis{Faults: []string{"drop"}})
	for _, r := range v.Results {
		if r.Checker == "ReElection" && r.Outcome == checker.Violated {
			return
		}
	}
	t.Fatalf("ReElection did not catch a cluster with no leader: %v", v.Results)
}

// muteMachine follows forever and sends nothing.
type muteMachine struct{ id int }

func (m *muteMachine) Tick()                 {}
func (m *muteMachine) Step(impl.Message)     {}
func (m *muteMachine) Ready() []impl.Message { return nil }
func (m *muteMachine) Status() impl.Status {
	return impl.Status{ID: m.id, Role: impl.Follower, Leader: impl.None, VotedFor: impl.None}
}

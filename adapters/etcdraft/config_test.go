package etcdraft

import (
	"strings"
	"testing"

	"github.com/ballot-go/ballot/impl"
)

// TestNeedsBlobs checks that a Storage holding only term and vote is
// refused with an error that says why, rather than a member that would
// lose its log on restart.
func TestNeedsBlobs(t *testing.T) {
	_, err := New(impl.MachineConfig{ID: 0, Peers: []int{0, 1, 2}, Storage: newStorage()}, DefaultConfig())
	if err == nil || !strings.Contains(err.Error(), "impl.Blobs") {
		t.Fatalf("New with a Storage lacking Blobs: %v, want an error naming impl.Blobs", err)
	}
}

// TestRefusesForeignStorage checks that a Storage with a term but no raft
// state, which some other implementation wrote, is refused.
func TestRefusesForeignStorage(t *testing.T) {
	st := impl.NewMemStorage()
	st.SetHardState(impl.HardState{Term: 3, VotedFor: 1})
	if _, err := New(impl.MachineConfig{ID: 0, Peers: []int{0, 1, 2}, Storage: st}, DefaultConfig()); err == nil {
		t.Fatal("New accepted a Storage holding term 3 and no raft state")
	}
}

// TestBadConfigs checks that what the library would panic on, or what
// cannot be mapped onto raft ids, is an error from New instead.
func TestBadConfigs(t *testing.T) {
	st := impl.NewMemStorage
	tests := []struct {
		name string
		cfg  Config
		mc   impl.MachineConfig
	}{
		{"zero config", Config{}, impl.MachineConfig{ID: 0, Peers: []int{0}, Storage: st()}},
		{"heartbeat not below election", Config{ElectionTick: 10, HeartbeatTick: 10}, impl.MachineConfig{ID: 0, Peers: []int{0}, Storage: st()}},
		{"no storage", DefaultConfig(), impl.MachineConfig{ID: 0, Peers: []int{0}}},
		{"id not a peer", DefaultConfig(), impl.MachineConfig{ID: 3, Peers: []int{0, 1}, Storage: st()}},
		{"negative peer", DefaultConfig(), impl.MachineConfig{ID: 0, Peers: []int{0, impl.None}, Storage: st()}},
		{"duplicate peer", DefaultConfig(), impl.MachineConfig{ID: 0, Peers: []int{0, 1, 1}, Storage: st()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if m, err := New(tt.mc, tt.cfg); err == nil {
				t.Errorf("New built %v", m.Status())
			}
		})
	}
	if _, err := (Config{}).Factory(); err == nil {
		t.Error("Factory accepted the zero Config")
	}
	if _, err := (Config{}).Target("zero").Machine(impl.MachineConfig{ID: 0, Peers: []int{0}, Storage: st()}); err == nil {
		t.Error("the zero Config's Target built a member")
	}
}

// TestTargets checks each variant's declarations: its own PreVote and
// CheckQuorum, and OwnRandomness always, so that no run is expected to
// replay exactly.
func TestTargets(t *testing.T) {
	for name, cfg := range variants() {
		tg := cfg.Target(name)
		switch {
		case tg.Name != name || tg.Machine == nil:
			t.Errorf("%s: target %+v", name, tg)
		case tg.PreVote != cfg.PreVote || tg.CheckQuorum != cfg.CheckQuorum:
			t.Errorf("%s: declares PreVote %t CheckQuorum %t, runs %t %t", name, tg.PreVote, tg.CheckQuorum, cfg.PreVote, cfg.CheckQuorum)
		case !tg.OwnRandomness || tg.Deterministic():
			t.Errorf("%s: claims exact replay, but the library reads crypto/rand", name)
		case tg.Volatile || tg.HeartbeatBudget != 0:
			t.Errorf("%s: declares Volatile %t, HeartbeatBudget %d", name, tg.Volatile, tg.HeartbeatBudget)
		}
	}
}

package raft

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ballot-go/ballot/impl"
)

func TestDefaultConfig(t *testing.T) {
	c := DefaultConfig()
	if c != (Config{ElectionTicks: 50, HeartbeatTicks: 15}) {
		t.Fatalf("DefaultConfig() = %+v", c)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want string // substring of the error; "" means valid
	}{
		{"defaults", DefaultConfig(), ""},
		{"smallest", Config{ElectionTicks: 2, HeartbeatTicks: 1}, ""},
		{"options", Config{ElectionTicks: 10, HeartbeatTicks: 3, PreVote: true, CheckQuorum: true}, ""},
		{"zero config", Config{}, "raft: ElectionTicks (0) must be positive"},
		{"zero election", Config{HeartbeatTicks: 1}, "ElectionTicks (0) must be positive"},
		{"negative election", Config{ElectionTicks: -5, HeartbeatTicks: 1}, "ElectionTicks (-5) must be positive"},
		{"zero heartbeat", Config{ElectionTicks: 10}, "raft: HeartbeatTicks (0) must be positive"},
		{"negative heartbeat", Config{ElectionTicks: 10, HeartbeatTicks: -1}, "HeartbeatTicks (-1) must be positive"},
		{"heartbeat above election", Config{ElectionTicks: 50, HeartbeatTicks: 60}, "raft: HeartbeatTicks (60) must be less than ElectionTicks (50): a follower would time out between heartbeats"},
		{"heartbeat equal to election", Config{ElectionTicks: 50, HeartbeatTicks: 50}, "must be less than ElectionTicks"},
		{"election of one tick", Config{ElectionTicks: 1, HeartbeatTicks: 1}, "must be less than ElectionTicks"},
		{"huge election", Config{ElectionTicks: 1 << 40, HeartbeatTicks: 1}, "must be at most"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			if _, ferr := tt.cfg.Factory(); (ferr == nil) != (err == nil) {
				t.Fatalf("Factory error %v, Validate error %v", ferr, err)
			}
		})
	}
}

func TestNewErrors(t *testing.T) {
	good := func() impl.MachineConfig {
		return impl.MachineConfig{ID: 1, Peers: []int{0, 1, 2}, Storage: impl.NewMemStorage(), Rand: rand.New(rand.NewPCG(1, 2))}
	}
	badVote := impl.NewMemStorage()
	badVote.SetHardState(impl.HardState{Term: 2, VotedFor: 9})
	tests := []struct {
		name   string
		change func(*impl.MachineConfig)
		cfg    Config
		want   string
	}{
		{"invalid config", func(*impl.MachineConfig) {}, Config{}, "ElectionTicks (0)"},
		{"nil storage", func(mc *impl.MachineConfig) { mc.Storage = nil }, DefaultConfig(), "Storage is nil"},
		{"nil rand", func(mc *impl.MachineConfig) { mc.Rand = nil }, DefaultConfig(), "Rand is nil"},
		{"empty peers", func(mc *impl.MachineConfig) { mc.Peers = nil }, DefaultConfig(), "Peers is empty"},
		{"ID not in peers", func(mc *impl.MachineConfig) { mc.ID = 7 }, DefaultConfig(), "ID 7 is not in Peers"},
		{"duplicate peers", func(mc *impl.MachineConfig) { mc.Peers = []int{0, 1, 2, 1} }, DefaultConfig(), "duplicate peer 1"},
		{"None as a peer", func(mc *impl.MachineConfig) { mc.Peers = []int{impl.None, 1} }, DefaultConfig(), "impl.None"},
		{"stored vote for a stranger", func(mc *impl.MachineConfig) { mc.Storage = badVote }, DefaultConfig(), "stored vote for 9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mc := good()
			tt.change(&mc)
			m, err := New(mc, tt.cfg)
			if err == nil || m != nil || !strings.HasPrefix(err.Error(), "raft: ") || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New = %v, %v; want an error containing %q", m, err, tt.want)
			}
			if f, err := DefaultConfig().Factory(); err == nil && tt.cfg == DefaultConfig() {
				if fm, err := f(mc); err == nil || fm != nil {
					t.Fatalf("factory = %v, %v; want a nil Machine and an error", fm, err)
				}
			}
		})
	}
}

func TestNewWithNilLoggerAndPeersCopied(t *testing.T) {
	peers := []int{3, 1, 2}
	m, err := New(impl.MachineConfig{ID: 1, Peers: peers, Storage: impl.NewMemStorage(), Rand: rand.New(rand.NewPCG(1, 2))}, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	peers[0] = 1 // the caller's slice is the caller's
	wantStatus(t, m, impl.Status{ID: 1, Term: 0, Role: impl.Follower, Leader: impl.None, VotedFor: impl.None})
	timeout(m)
	for _, o := range m.Ready() {
		if o.To != 3 && o.To != 2 {
			t.Fatalf("request to %d, want 3 or 2", o.To)
		}
	}
}

func TestFactory(t *testing.T) {
	f, err := testConfig().Factory()
	if err != nil {
		t.Fatal(err)
	}
	m, err := f(impl.MachineConfig{ID: 0, Peers: []int{0}, Storage: impl.NewMemStorage(), Rand: rand.New(rand.NewPCG(1, 2))})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 * testConfig().ElectionTicks {
		m.Tick()
	}
	if s := m.Status(); s.Role != impl.Leader {
		t.Fatalf("factory-built machine of one: %s", s)
	}
}

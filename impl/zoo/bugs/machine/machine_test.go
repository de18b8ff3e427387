package machine_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/zoo/bugs/machine"
)

func config(id int, peers []int, st impl.Storage) impl.MachineConfig {
	return impl.MachineConfig{ID: id, Peers: peers, Storage: st, Rand: rand.New(rand.NewPCG(uint64(id), 7))}
}

func build(t *testing.T, cfg impl.MachineConfig, v machine.Variant) impl.Machine {
	t.Helper()
	m, err := machine.NewVariant(cfg, v)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// tickUntil ticks m until its role is role, at most limit times, and
// returns the messages it sent meanwhile.
func tickUntil(t *testing.T, m impl.Machine, role impl.Role, limit int) []impl.Message {
	t.Helper()
	var out []impl.Message
	for range limit {
		m.Tick()
		out = append(out, m.Ready()...)
		if m.Status().Role == role {
			return out
		}
	}
	t.Fatalf("not %v after %d ticks: %v", role, limit, m.Status())
	return nil
}

// elect makes node 0 of peers lead, with grants from the given voters.
func elect(t *testing.T, peers []int, voters ...int) impl.Machine {
	t.Helper()
	m := build(t, config(0, peers, impl.NewMemStorage()), machine.Variant{})
	tickUntil(t, m, impl.Candidate, machine.ElectionTimeoutMin+machine.ElectionTimeoutSpan)
	for _, v := range voters {
		m.Step(impl.Message{From: v, To: 0, Term: m.Status().Term, Kind: impl.KindVoteReply, Granted: true})
	}
	if m.Status().Role != impl.Leader {
		t.Fatalf("not elected by %v: %v", voters, m.Status())
	}
	m.Ready()
	return m
}

func recipients(msgs []impl.Message, kind impl.Kind) []int {
	var to []int
	for _, m := range msgs {
		if m.Kind == kind {
			to = append(to, m.To)
		}
	}
	return to
}

func TestNewRejectsBadConfig(t *testing.T) {
	good := config(1, []int{0, 1, 2}, impl.NewMemStorage())
	for _, tc := range []struct {
		name string
		edit func(*impl.MachineConfig, *machine.Variant)
	}{
		{"own id missing", func(c *impl.MachineConfig, _ *machine.Variant) { c.Peers = []int{0, 2} }},
		{"member twice", func(c *impl.MachineConfig, _ *machine.Variant) { c.Peers = []int{0, 1, 1, 2} }},
		{"no storage", func(c *impl.MachineConfig, _ *machine.Variant) { c.Storage = nil }},
		{"no rand", func(c *impl.MachineConfig, _ *machine.Variant) { c.Rand = nil }},
		{"negative heartbeat period", func(_ *impl.MachineConfig, v *machine.Variant) { v.HeartbeatTicks = -1 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, v := good, machine.Variant{}
			cfg.Peers = slices.Clone(good.Peers)
			tc.edit(&cfg, &v)
			if _, err := machine.NewVariant(cfg, v); err == nil {
				t.Fatal("accepted")
			}
		})
	}
}

// A follower that hears nothing campaigns within its timeout, with its vote
// saved before the requests leave, and asks its peers in ring order.
func TestCampaign(t *testing.T) {
	st := impl.NewMemStorage()
	m := build(t, config(2, []int{0, 1, 2, 3, 4}, st), machine.Variant{})
	out := tickUntil(t, m, impl.Candidate, machine.ElectionTimeoutMin+machine.ElectionTimeoutSpan)
	want := impl.Status{ID: 2, Term: 1, Role: impl.Candidate, Leader: impl.None, VotedFor: 2}
	if got := m.Status(); got != want {
		t.Errorf("status %v, want %v", got, want)
	}
	if hs := st.HardState(); hs != (impl.HardState{Term: 1, VotedFor: 2}) {
		t.Errorf("saved %+v when the requests left", hs)
	}
	if to := recipients(out, impl.KindVoteRequest); !slices.Equal(to, []int{3, 4, 0, 1}) {
		t.Errorf("asked %v, want ring order [3 4 0 1]", to)
	}
}

func TestVoteRequest(t *testing.T) {
	for _, tc := range []struct {
		name     string
		saved    impl.HardState
		from     int
		term     uint64
		grant    bool
		wantTerm uint64
		wantVote int
	}{
		{"first of a newer term", impl.HardState{Term: 3, VotedFor: 1}, 2, 4, true, 4, 2},
		{"first of the current term", impl.HardState{Term: 3, VotedFor: impl.None}, 2, 3, true, 3, 2},
		{"same candidate again", impl.HardState{Term: 3, VotedFor: 2}, 2, 3, true, 3, 2},
		{"second candidate of the term", impl.HardState{Term: 3, VotedFor: 1}, 2, 3, false, 3, 1},
		{"older term", impl.HardState{Term: 3, VotedFor: impl.None}, 2, 2, false, 3, impl.None},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := impl.NewMemStorage()
			st.SetHardState(tc.saved)
			m := build(t, config(0, []int{0, 1, 2}, st), machine.Variant{})
			m.Step(impl.Message{From: tc.from, To: 0, Term: tc.term, Kind: impl.KindVoteRequest})
			out := m.Ready()
			if len(out) != 1 || out[0].Kind != impl.KindVoteReply || out[0].To != tc.from {
				t.Fatalf("answered %v", out)
			}
			if out[0].Granted != tc.grant || out[0].Term != tc.wantTerm {
				t.Errorf("replied %v, want granted=%t in term %d", out[0], tc.grant, tc.wantTerm)
			}
			want := impl.HardState{Term: tc.wantTerm, VotedFor: tc.wantVote}
			if hs := st.HardState(); hs != want {
				t.Errorf("saved %+v, want %+v", hs, want)
			}
		})
	}
}

// Only a higher term moves a node; a stale reply is ignored.
func TestReplyTerm(t *testing.T) {
	for _, tc := range []struct {
		name  string
		reply uint64
		want  uint64
		role  impl.Role
	}{
		{"stale", 2, 5, impl.Candidate},
		{"same", 5, 5, impl.Candidate},
		{"newer", 7, 7, impl.Follower},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := impl.NewMemStorage()
			st.SetHardState(impl.HardState{Term: 4, VotedFor: impl.None})
			m := build(t, config(0, []int{0, 1, 2}, st), machine.Variant{})
			tickUntil(t, m, impl.Candidate, machine.ElectionTimeoutMin+machine.ElectionTimeoutSpan)
			m.Step(impl.Message{From: 1, To: 0, Term: tc.reply, Kind: impl.KindHeartbeatReply})
			if s := m.Status(); s.Term != tc.want || s.Role != tc.role {
				t.Errorf("after a reply of term %d: %v, want term %d as %v", tc.reply, s, tc.want, tc.role)
			}
		})
	}
}

// A candidate needs distinct voters: a grant delivered twice counts once.
func TestMajority(t *testing.T) {
	m := build(t, config(0, []int{0, 1, 2, 3, 4}, impl.NewMemStorage()), machine.Variant{})
	tickUntil(t, m, impl.Candidate, machine.ElectionTimeoutMin+machine.ElectionTimeoutSpan)
	grant := impl.Message{From: 1, To: 0, Term: 1, Kind: impl.KindVoteReply, Granted: true}
	m.Step(grant)
	m.Step(grant)
	if r := m.Status().Role; r != impl.Candidate {
		t.Fatalf("two votes of five made it %v", r)
	}
	grant.From = 3
	m.Step(grant)
	if r := m.Status().Role; r != impl.Leader {
		t.Fatalf("three votes of five left it %v", r)
	}
	if to := recipients(m.Ready(), impl.KindHeartbeat); !slices.Equal(to, []int{1, 2, 3, 4}) {
		t.Errorf("took office heartbeating %v", to)
	}
}

func TestWon(t *testing.T) {
	for _, tc := range []struct {
		votes, size int
		want        bool
	}{
		{1, 1, true}, {1, 2, false}, {2, 2, true}, {1, 3, false}, {2, 3, true}, {2, 4, false}, {3, 4, true}, {3, 7, false}, {4, 7, true},
	} {
		if got := machine.Won(tc.votes, tc.size); got != tc.want {
			t.Errorf("Won(%d, %d) = %t, want %t", tc.votes, tc.size, got, tc.want)
		}
	}
}

// A restarted node resumes from its storage, and so never votes twice in a
// term.
func TestRestartKeepsTheVote(t *testing.T) {
	st := impl.NewMemStorage()
	m := build(t, config(0, []int{0, 1, 2}, st), machine.Variant{})
	m.Step(impl.Message{From: 1, To: 0, Term: 3, Kind: impl.KindVoteRequest})
	again := build(t, config(0, []int{0, 1, 2}, st), machine.Variant{})
	want := impl.Status{ID: 0, Term: 3, Role: impl.Follower, Leader: impl.None, VotedFor: 1}
	if got := again.Status(); got != want {
		t.Fatalf("restarted as %v, want %v", got, want)
	}
	again.Step(impl.Message{From: 2, To: 0, Term: 3, Kind: impl.KindVoteRequest})
	if out := again.Ready(); len(out) != 1 || out[0].Granted {
		t.Errorf("restarted node answered a second candidate of term 3 with %v", out)
	}
}

// A leader that hears a majority stops heartbeating a peer silent for
// SilentTicks, and takes it back as soon as it hears from it.
func TestLeaderSkipsSilentPeer(t *testing.T) {
	m := elect(t, []int{0, 1, 2}, 1)
	term := m.Status().Term
	var last []int
	for range machine.SilentTicks + machine.HeartbeatTicks {
		m.Tick()
		if out := m.Ready(); len(out) > 0 {
			last = recipients(out, impl.KindHeartbeat)
			m.Step(impl.Message{From: 1, To: 0, Term: term, Kind: impl.KindHeartbeatReply})
		}
	}
	if !slices.Equal(last, []int{1}) {
		t.Fatalf("heartbeats went to %v with node 2 silent, want [1]", last)
	}
	m.Step(impl.Message{From: 2, To: 0, Term: term, Kind: impl.KindHeartbeatReply})
	out := tickUntilSend(t, m)
	if to := recipients(out, impl.KindHeartbeat); !slices.Equal(to, []int{1, 2}) {
		t.Errorf("heartbeats went to %v once node 2 spoke, want [1 2]", to)
	}
}

// A leader that hears no majority keeps heartbeating everyone: it may be
// the one cut off.
func TestLeaderAloneHeartbeatsEveryone(t *testing.T) {
	m := elect(t, []int{0, 1, 2}, 1)
	var last []int
	for range 2 * machine.SilentTicks {
		m.Tick()
		if out := m.Ready(); len(out) > 0 {
			last = recipients(out, impl.KindHeartbeat)
		}
	}
	if !slices.Equal(last, []int{1, 2}) {
		t.Errorf("heartbeats went to %v, want [1 2]", last)
	}
}

func tickUntilSend(t *testing.T, m impl.Machine) []impl.Message {
	t.Helper()
	for range machine.HeartbeatTicks {
		m.Tick()
		if out := m.Ready(); len(out) > 0 {
			return out
		}
	}
	t.Fatalf("nothing sent in %d ticks", machine.HeartbeatTicks)
	return nil
}

// Messages from outside the cluster, or not addressed to the node, are
// ignored.
func TestIgnoresStrangers(t *testing.T) {
	m := build(t, config(0, []int{0, 1, 2}, impl.NewMemStorage()), machine.Variant{})
	before := m.Status()
	m.Step(impl.Message{From: 9, To: 0, Term: 5, Kind: impl.KindVoteRequest})
	m.Step(impl.Message{From: 1, To: 2, Term: 5, Kind: impl.KindVoteRequest})
	m.Step(impl.Message{From: 1, To: 0, Term: 5, Kind: impl.KindPreVoteRequest})
	if after := m.Status(); after != before || len(m.Ready()) != 0 {
		t.Errorf("a stranger's messages changed %v into %v", before, after)
	}
}

package etcdraft

import (
	"testing"

	"github.com/ballot-go/ballot/impl"
	pb "go.etcd.io/raft/v3/raftpb"
)

// member1 is member 1 of {0, 1, 2}, fresh.
func member1(t *testing.T) *Machine {
	t.Helper()
	m, err := New(impl.MachineConfig{ID: 1, Peers: []int{0, 1, 2}, Storage: impl.NewMemStorage()}, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// voteRequest is node 0's request for term 1, as the library sends it.
func voteRequest() impl.Message {
	return envelope(pb.Message{Type: pb.MsgVote, From: 1, To: 2, Term: 1, Index: 1, LogTerm: 1})
}

// TestStepAccepts is the control for TestStepIgnores: a well-formed vote
// request from a peer gets a granted vote, persisted first.
func TestStepAccepts(t *testing.T) {
	m := member1(t)
	m.Step(voteRequest())
	out := m.Ready()
	if len(out) != 1 || out[0].Kind != impl.KindVoteReply || !out[0].Granted || out[0].To != 0 || out[0].Term != 1 {
		t.Fatalf("Ready = %v, want one granted vote for node 0 in term 1", out)
	}
	if hs := m.disk.st.HardState(); hs != (impl.HardState{Term: 1, VotedFor: 0}) {
		t.Errorf("stored %+v, want term 1 and a vote for 0", hs)
	}
}

// TestStepIgnores delivers what the network must never make a member act
// on, each a variation of the accepted vote request: the member must
// neither answer nor change.
func TestStepIgnores(t *testing.T) {
	tests := []struct {
		name   string
		change func(*impl.Message)
	}{
		{"from an unknown node", func(m *impl.Message) { m.From = 7; m.Body = withFrom(m.Body, 8) }},
		{"from itself", func(m *impl.Message) { m.From = 1; m.Body = withFrom(m.Body, 2) }},
		{"for another node", func(m *impl.Message) { m.To = 2 }},
		{"envelope and body disagree on the sender", func(m *impl.Message) { m.From = 2 }},
		{"body addressed elsewhere", func(m *impl.Message) { b := m.Body.(pb.Message); b.To = 3; m.Body = b }},
		{"a foreign body", func(m *impl.Message) { m.Body = "vote for me" }},
		{"a pointer body", func(m *impl.Message) { b := m.Body.(pb.Message); m.Body = &b }},
		{"no body", func(m *impl.Message) { m.Body = nil }},
		{"term 0, which the library takes for a local message", func(m *impl.Message) { b := m.Body.(pb.Message); b.Term = 0; m.Body = b }},
		{"a local type", func(m *impl.Message) { b := m.Body.(pb.Message); b.Type = pb.MsgHup; m.Body = b }},
		{"a storage type", func(m *impl.Message) { b := m.Body.(pb.Message); b.Type = pb.MsgStorageAppendResp; m.Body = b }},
		{"a proposal", func(m *impl.Message) { b := m.Body.(pb.Message); b.Type = pb.MsgProp; m.Body = b }},
		{"an unknown type", func(m *impl.Message) { b := m.Body.(pb.Message); b.Type = 99; m.Body = b }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := member1(t)
			before := m.Status()
			msg := voteRequest()
			tt.change(&msg)
			m.Step(msg)
			if out := m.Ready(); len(out) != 0 {
				t.Errorf("answered %v", out)
			}
			if after := m.Status(); after != before {
				t.Errorf("status went from %v to %v", before, after)
			}
		})
	}
}

func withFrom(body any, from uint64) any {
	b := body.(pb.Message)
	b.From = from
	return b
}

// TestStepDoesNotKeepTheMessage has a new leader overwrite an entry the
// member holds, which the library does by keeping the delivered MsgApp's
// entries as its log's tail, then scribbles over the framework's copy of
// the message, as a reused or redelivered one could be: the member's log
// must not change.
func TestStepDoesNotKeepTheMessage(t *testing.T) {
	m := member1(t)
	m.Step(voteRequest())
	m.Step(envelope(pb.Message{Type: pb.MsgApp, From: 1, To: 2, Term: 1, Index: 1, LogTerm: 1, Entries: []pb.Entry{{Term: 1, Index: 2}}, Commit: 1}))
	m.Ready()
	app := envelope(pb.Message{Type: pb.MsgApp, From: 3, To: 2, Term: 2, Index: 1, LogTerm: 1, Entries: []pb.Entry{{Term: 2, Index: 2}}, Commit: 1})
	m.Step(app)
	app.Body.(pb.Message).Entries[0].Term = 7
	m.Ready()
	if term, err := m.disk.mem.Term(2); err != nil || term != 2 {
		t.Errorf("entry 2 has term %d (%v), want 2, from the new leader", term, err)
	}
}

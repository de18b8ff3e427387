package etcdraft

import (
	"testing"

	"github.com/ballot-go/ballot/impl"
	pb "go.etcd.io/raft/v3/raftpb"
)

// TestEnvelope holds the envelope to what impl.Message promises the
// checkers: kinds, the term on each kind (a pre-vote request carries the
// term its sender would campaign in, a granted reply the request's term),
// Granted from Reject, and Entries on AppendEntries only. Raft ids are
// node ids plus one.
func TestEnvelope(t *testing.T) {
	ents := []pb.Entry{{Term: 3, Index: 4}, {Term: 3, Index: 5}}
	tests := []struct {
		name string
		msg  pb.Message
		want impl.Message
	}{
		{"vote request (§5.2)", pb.Message{Type: pb.MsgVote, From: 1, To: 2, Term: 4, Index: 3, LogTerm: 2},
			impl.Message{From: 0, To: 1, Term: 4, Kind: impl.KindVoteRequest}},
		{"granted vote echoes the request's term", pb.Message{Type: pb.MsgVoteResp, From: 2, To: 1, Term: 4},
			impl.Message{From: 1, To: 0, Term: 4, Kind: impl.KindVoteReply, Granted: true}},
		{"refused vote carries the voter's term", pb.Message{Type: pb.MsgVoteResp, From: 3, To: 1, Term: 6, Reject: true},
			impl.Message{From: 2, To: 0, Term: 6, Kind: impl.KindVoteReply}},
		{"pre-vote request (thesis §9.6) names the next term", pb.Message{Type: pb.MsgPreVote, From: 5, To: 1, Term: 8},
			impl.Message{From: 4, To: 0, Term: 8, Kind: impl.KindPreVoteRequest}},
		{"granted pre-vote echoes it", pb.Message{Type: pb.MsgPreVoteResp, From: 1, To: 5, Term: 8},
			impl.Message{From: 0, To: 4, Term: 8, Kind: impl.KindPreVoteReply, Granted: true}},
		{"refused pre-vote", pb.Message{Type: pb.MsgPreVoteResp, From: 1, To: 5, Term: 7, Reject: true},
			impl.Message{From: 0, To: 4, Term: 7, Kind: impl.KindPreVoteReply}},
		{"heartbeat (§5.2)", pb.Message{Type: pb.MsgHeartbeat, From: 1, To: 3, Term: 2, Commit: 3},
			impl.Message{From: 0, To: 2, Term: 2, Kind: impl.KindHeartbeat}},
		{"heartbeat reply", pb.Message{Type: pb.MsgHeartbeatResp, From: 3, To: 1, Term: 2},
			impl.Message{From: 2, To: 0, Term: 2, Kind: impl.KindHeartbeatReply}},
		{"empty append counts as a heartbeat", pb.Message{Type: pb.MsgApp, From: 1, To: 2, Term: 3, Index: 5, LogTerm: 3},
			impl.Message{From: 0, To: 1, Term: 3, Kind: impl.KindHeartbeat}},
		{"append with entries says how many", pb.Message{Type: pb.MsgApp, From: 1, To: 2, Term: 3, Index: 3, LogTerm: 2, Entries: ents},
			impl.Message{From: 0, To: 1, Term: 3, Kind: impl.KindHeartbeat, Entries: 2}},
		{"append reply", pb.Message{Type: pb.MsgAppResp, From: 2, To: 1, Term: 3, Index: 5},
			impl.Message{From: 1, To: 0, Term: 3, Kind: impl.KindHeartbeatReply}},
		{"snapshot is other", pb.Message{Type: pb.MsgSnap, From: 1, To: 2, Term: 3, Snapshot: &pb.Snapshot{}},
			impl.Message{From: 0, To: 1, Term: 3, Kind: impl.KindOther}},
		{"timeout-now is other", pb.Message{Type: pb.MsgTimeoutNow, From: 1, To: 2, Term: 3},
			impl.Message{From: 0, To: 1, Term: 3, Kind: impl.KindOther}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := envelope(tt.msg)
			body, ok := got.Body.(pb.Message)
			if !ok || body.Type != tt.msg.Type || body.Term != tt.msg.Term || len(body.Entries) != len(tt.msg.Entries) {
				t.Errorf("body = %#v, want the library's message", got.Body)
			}
			got.Body = nil
			if got != tt.want {
				t.Errorf("envelope = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestEnvelopeDetaches checks that a sent message shares no entries with
// the sender's log: the framework may deliver it long after that changed.
func TestEnvelopeDetaches(t *testing.T) {
	ents := []pb.Entry{{Term: 1, Index: 2}}
	msg := pb.Message{Type: pb.MsgApp, From: 1, To: 2, Term: 1, Entries: ents, Context: []byte("c"), Snapshot: &pb.Snapshot{}}
	body := envelope(msg).Body.(pb.Message)
	ents[0].Term = 9
	msg.Context[0] = 'x'
	msg.Snapshot.Metadata.Index = 9
	if body.Entries[0].Term != 1 || body.Context[0] != 'c' || body.Snapshot.Metadata.Index != 0 {
		t.Errorf("the sent message changed with its sender's copy: %+v", body)
	}
}

// TestIDs checks the mapping both ways, with none onto none.
func TestIDs(t *testing.T) {
	for node := range 70 {
		if got := nodeID(raftID(node)); got != node {
			t.Errorf("nodeID(raftID(%d)) = %d", node, got)
		}
	}
	if raftID(0) == 0 {
		t.Error("node 0 maps onto raft.None")
	}
	if got := nodeID(0); got != impl.None {
		t.Errorf("nodeID(raft.None) = %d, want impl.None", got)
	}
}

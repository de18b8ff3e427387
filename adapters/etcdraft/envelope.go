package etcdraft

import (
	"slices"

	"github.com/ballot-go/ballot/impl"
	pb "go.etcd.io/raft/v3/raftpb"
)

// kinds is what the framework reads of each message type the library
// sends to a peer; any other type is impl.KindOther.
var kinds = map[pb.MessageType]impl.Kind{
	pb.MsgVote:          impl.KindVoteRequest,
	pb.MsgVoteResp:      impl.KindVoteReply,
	pb.MsgPreVote:       impl.KindPreVoteRequest,
	pb.MsgPreVoteResp:   impl.KindPreVoteReply,
	pb.MsgHeartbeat:     impl.KindHeartbeat,
	pb.MsgHeartbeatResp: impl.KindHeartbeatReply,
	// A MsgApp is the AppendEntries of the paper, sent only by the leader
	// of its term, so it claims the lead as a heartbeat does; Entries
	// tells the heartbeat budget apart from replication.
	pb.MsgApp:     impl.KindHeartbeat,
	pb.MsgAppResp: impl.KindHeartbeatReply,
}

// envelope wraps a message of the library's for the framework. The
// library's terms already mean what impl.Message.Term asks: a pre-vote
// request carries the term its sender would campaign in, and a granted
// vote or pre-vote reply echoes the request's term (raft.go, Step: "we
// include the term from the message, not the local term"), while a
// rejection carries the voter's own.
func envelope(m pb.Message) impl.Message {
	kind := kinds[m.Type]
	e := impl.Message{From: nodeID(m.From), To: nodeID(m.To), Term: m.Term, Kind: kind, Body: detach(m)}
	switch kind {
	case impl.KindVoteReply, impl.KindPreVoteReply:
		e.Granted = !m.Reject
	case impl.KindHeartbeat:
		e.Entries = len(m.Entries)
	}
	return e
}

// detach copies what a message shares with whoever made it: the framework
// may queue, duplicate and redeliver a message long after the sender's log
// changed, and the library keeps a delivered MsgApp's entries in its
// unstable log. Entry data is never written after it is made, so the
// entries themselves are copied but their bytes are shared.
func detach(m pb.Message) pb.Message {
	if len(m.Entries) > 0 {
		m.Entries = slices.Clone(m.Entries)
	}
	if m.Context != nil {
		m.Context = slices.Clone(m.Context)
	}
	if m.Snapshot != nil {
		snap := *m.Snapshot
		m.Snapshot = &snap
	}
	return m
}

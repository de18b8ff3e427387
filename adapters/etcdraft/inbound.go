package etcdraft

import (
	"github.com/ballot-go/ballot/impl"
	pb "go.etcd.io/raft/v3/raftpb"
)

// fromPeers are the message types one member of this adapter can send
// another. Proposals, reads and leadership transfers are never made here,
// so their messages cannot come from a peer, and the library's local
// types (MsgHup, MsgBeat, storage messages) must never come from the
// network at all.
var fromPeers = map[pb.MessageType]bool{
	pb.MsgApp:           true,
	pb.MsgAppResp:       true,
	pb.MsgVote:          true,
	pb.MsgVoteResp:      true,
	pb.MsgPreVote:       true,
	pb.MsgPreVoteResp:   true,
	pb.MsgHeartbeat:     true,
	pb.MsgHeartbeatResp: true,
	pb.MsgSnap:          true,
}

// inbound returns the library's message inside msg, detached from the
// framework's copy, or false if the library must not see it: a body of
// another kind, a sender that is not a peer, an envelope that disagrees
// with its body, or a type no peer sends. The library itself panics or
// misbehaves on some of these (a message with term 0 is taken for a local
// one), and the network must never make a member panic.
func (m *Machine) inbound(msg impl.Message) (pb.Message, bool) {
	body, ok := msg.Body.(pb.Message)
	switch {
	case !ok, msg.To != m.id, msg.From == m.id, !m.isPeer(msg.From):
		return pb.Message{}, false
	case body.From != raftID(msg.From), body.To != raftID(m.id), body.Term == 0, !fromPeers[body.Type]:
		return pb.Message{}, false
	}
	return detach(body), true
}

func (m *Machine) isPeer(id int) bool {
	for _, p := range m.peers {
		if p == id {
			return true
		}
	}
	return false
}

package hashiraft

import (
	"github.com/hashicorp/raft"

	"github.com/ballot-go/ballot/impl"
)

// Classify is the rpcnet.Classifier of this adapter's calls
// (harness.Target.Classify): it reads the kind, the term and, for votes
// and pre-votes, the grant from the library's own types, so that ballot's
// wire record shows every RequestVote, pre-vote and AppendEntries. An
// AppendEntries is a heartbeat on the wire; the network counts its
// entries, and one with none is a heartbeat proper. The library's terms
// are the sender's current term, except that a pre-vote request asks for
// the term after it, as ballot's envelope expects of pre-votes.
// TimeoutNow and InstallSnapshot, which elections do not use, are
// recorded as other, as is a nil argument.
func Classify(method string, v any, reply bool) (kind impl.Kind, term uint64, granted, ok bool) {
	switch m := v.(type) {
	case *appendEntriesArgs:
		if m != nil {
			return impl.KindHeartbeat, m.Request.Term, false, true
		}
	case *raft.AppendEntriesResponse:
		if m != nil {
			return impl.KindHeartbeatReply, m.Term, false, true
		}
	case *raft.RequestVoteRequest:
		if m != nil {
			return impl.KindVoteRequest, m.Term, false, true
		}
	case *raft.RequestVoteResponse:
		if m != nil {
			return impl.KindVoteReply, m.Term, m.Granted, true
		}
	case *raft.RequestPreVoteRequest:
		if m != nil {
			return impl.KindPreVoteRequest, m.Term, false, true
		}
	case *raft.RequestPreVoteResponse:
		if m != nil {
			return impl.KindPreVoteReply, m.Term, m.Granted, true
		}
	case *installSnapshotArgs:
		if m != nil {
			return impl.KindOther, m.Request.Term, false, true
		}
	case *raft.InstallSnapshotResponse:
		if m != nil {
			return impl.KindOther, m.Term, false, true
		}
	}
	return impl.KindOther, 0, false, true
}

package hashiraft

import (
	"time"

	"github.com/hashicorp/raft"
)

// The RPCs a node serves, named the way ballot's wire record and its
// default classifier expect ("Service.Method").
const (
	methodAppendEntries   = "Raft.AppendEntries"
	methodRequestVote     = "Raft.RequestVote"
	methodRequestPreVote  = "Raft.RequestPreVote"
	methodTimeoutNow      = "Raft.TimeoutNow"
	methodInstallSnapshot = "Raft.InstallSnapshot"
)

// ballot copies every call's arguments and reply field by field, exported
// fields only, as gob does (faults/rpcnet, copy.go). The library's RPC
// types survive that, RPCHeader and []byte fields included, with two
// exceptions, which travel in the types below: a raft.Log's AppendedAt is
// a time.Time, whose fields are unexported, and InstallSnapshot streams
// its data through an io.Reader beside the request.

// appendEntriesArgs is a raft.AppendEntriesRequest on the wire: the
// request with its entries moved out into Entries, which is also the
// field ballot counts to tell a heartbeat (none) from replication.
type appendEntriesArgs struct {
	Request raft.AppendEntriesRequest // Request.Entries is always nil
	Entries []entry
}

// entry is a raft.Log that survives a field-by-field copy and JSON.
type entry struct {
	Index      uint64
	Term       uint64
	Type       raft.LogType
	Data       []byte
	Extensions []byte
	AppendedAt int64 // Unix nanoseconds; 0 stands for the zero time
}

// installSnapshotArgs is a raft.InstallSnapshotRequest with its data.
type installSnapshotArgs struct {
	Request raft.InstallSnapshotRequest
	Data    []byte
}

func appendEntriesToWire(req *raft.AppendEntriesRequest) *appendEntriesArgs {
	w := &appendEntriesArgs{Request: *req}
	w.Request.Entries = nil
	if req.Entries != nil {
		w.Entries = make([]entry, len(req.Entries))
		for i, l := range req.Entries {
			w.Entries[i] = entryOf(l)
		}
	}
	return w
}

func (w *appendEntriesArgs) request() *raft.AppendEntriesRequest {
	req := w.Request
	if w.Entries != nil {
		req.Entries = make([]*raft.Log, len(w.Entries))
		for i, e := range w.Entries {
			req.Entries[i] = e.log()
		}
	}
	return &req
}

func entryOf(l *raft.Log) entry {
	e := entry{Index: l.Index, Term: l.Term, Type: l.Type, Data: l.Data, Extensions: l.Extensions}
	if !l.AppendedAt.IsZero() {
		e.AppendedAt = l.AppendedAt.UnixNano()
	}
	return e
}

func (e entry) log() *raft.Log {
	l := &raft.Log{Index: e.Index, Term: e.Term, Type: e.Type, Data: e.Data, Extensions: e.Extensions}
	if e.AppendedAt != 0 {
		l.AppendedAt = time.Unix(0, e.AppendedAt)
	}
	return l
}

package hashiraft

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/hashicorp/raft"

	"github.com/ballot-go/ballot/impl"
)

// errClosed is what a closed transport answers.
var errClosed = errors.New("hashiraft: transport closed")

// transport is a raft.Transport over ballot's impl.Transport: every RPC
// the library sends is one Call, so every fault ballot injects applies to
// it. It implements the optional WithPreVote, without which the library
// silently turns its pre-vote off (api.go, NewRaft), and WithClose, which
// the library calls once it has shut down.
type transport struct {
	net      impl.Transport
	timeout  time.Duration // how long a call may take (see call)
	local    raft.ServerAddress
	consumer chan raft.RPC
	closed   chan struct{} // closed by Close: served calls stop waiting
	once     sync.Once
}

var (
	_ raft.Transport   = (*transport)(nil)
	_ raft.WithPreVote = (*transport)(nil)
	_ raft.WithClose   = (*transport)(nil)
)

func newTransport(net impl.Transport, id int, timeout time.Duration) *transport {
	return &transport{net: net, timeout: timeout, local: serverAddress(id), consumer: make(chan raft.RPC), closed: make(chan struct{})}
}

// Consumer implements raft.Transport: the RPCs this node serves.
func (t *transport) Consumer() <-chan raft.RPC { return t.consumer }

// LocalAddr implements raft.Transport.
func (t *transport) LocalAddr() raft.ServerAddress { return t.local }

// AppendEntriesPipeline implements raft.Transport. Pipelining is for
// throughput; ballot tests elections, and one call per AppendEntries keeps
// every message on the wire record.
func (t *transport) AppendEntriesPipeline(raft.ServerID, raft.ServerAddress) (raft.AppendPipeline, error) {
	return nil, raft.ErrPipelineReplicationNotSupported
}

// AppendEntries implements raft.Transport.
func (t *transport) AppendEntries(_ raft.ServerID, target raft.ServerAddress, args *raft.AppendEntriesRequest, resp *raft.AppendEntriesResponse) error {
	return call(t, target, methodAppendEntries, appendEntriesToWire(args), resp)
}

// RequestVote implements raft.Transport.
func (t *transport) RequestVote(_ raft.ServerID, target raft.ServerAddress, args *raft.RequestVoteRequest, resp *raft.RequestVoteResponse) error {
	return call(t, target, methodRequestVote, args, resp)
}

// RequestPreVote implements raft.WithPreVote.
func (t *transport) RequestPreVote(_ raft.ServerID, target raft.ServerAddress, args *raft.RequestPreVoteRequest, resp *raft.RequestPreVoteResponse) error {
	return call(t, target, methodRequestPreVote, args, resp)
}

// TimeoutNow implements raft.Transport.
func (t *transport) TimeoutNow(_ raft.ServerID, target raft.ServerAddress, args *raft.TimeoutNowRequest, resp *raft.TimeoutNowResponse) error {
	return call(t, target, methodTimeoutNow, args, resp)
}

// InstallSnapshot implements raft.Transport. The data travels in the call.
func (t *transport) InstallSnapshot(_ raft.ServerID, target raft.ServerAddress, args *raft.InstallSnapshotRequest, resp *raft.InstallSnapshotResponse, data io.Reader) error {
	b, err := io.ReadAll(data)
	if err != nil {
		return fmt.Errorf("hashiraft: reading the snapshot for %s: %w", target, err)
	}
	return call(t, target, methodInstallSnapshot, &installSnapshotArgs{Request: *args, Data: b}, resp)
}

// EncodePeer implements raft.Transport: an address is its own encoding.
func (t *transport) EncodePeer(_ raft.ServerID, addr raft.ServerAddress) []byte { return []byte(addr) }

// DecodePeer implements raft.Transport.
func (t *transport) DecodePeer(b []byte) raft.ServerAddress { return addressOf(b) }

// SetHeartbeatHandler implements raft.Transport by ignoring the fast path,
// as the library's InmemTransport does: every RPC, heartbeats too, goes to
// the main goroutine through Consumer, so that the term and vote are
// written by one goroutine only (the fast path runs appendEntries beside it).
func (t *transport) SetHeartbeatHandler(func(raft.RPC)) {}

// Close implements raft.WithClose: calls this node serves stop waiting for
// its main goroutine, and its own calls fail at once. Idempotent.
func (t *transport) Close() error {
	t.once.Do(func() { close(t.closed) })
	return nil
}

func (t *transport) isClosed() bool {
	select {
	case <-t.closed:
		return true
	default:
		return false
	}
}

// call sends one RPC to the node target names and waits for its reply,
// for at most the transport's timeout, as the library's own transports do
// (NetTransport's Timeout, InmemTransport's 500 ms). Without a deadline a
// call to a cut-off peer would hold the loop that made it (a leader's
// heartbeat or replication loop to that follower) for as long as ballot's
// network takes to fail it, up to 7 s, and the leader would not contact
// the follower again until then, however soon the link healed. A call
// given up on runs on in its own goroutine until the network answers; its
// reply is dropped.
//
// The reply is decoded into a fresh value and only then copied to resp:
// the library reuses its response structs (the heartbeat loop does), and a
// stale field must not survive into the next answer.
func call[R any](t *transport, target raft.ServerAddress, method string, args any, resp *R) error {
	if t.isClosed() {
		return errClosed
	}
	peer, err := nodeOf(target)
	if err != nil {
		return err
	}
	done := make(chan *R, 1)
	go func() {
		var out R
		if !t.net.Call(peer, method, args, &out) {
			done <- nil
			return
		}
		done <- &out
	}()
	timer := time.NewTimer(t.timeout)
	defer timer.Stop()
	select {
	case out := <-done:
		if out == nil {
			return fmt.Errorf("hashiraft: %s to node %d failed: the request or its reply was lost", method, peer)
		}
		*resp = *out
		return nil
	case <-timer.C:
		return fmt.Errorf("hashiraft: %s to node %d timed out after %v", method, peer, t.timeout)
	case <-t.closed:
		return errClosed
	}
}

package hashiraft

import (
	"bytes"
	"fmt"
	"io"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"
)

// handler is the node's impl.Handler: it turns each inbound call into a
// raft.RPC for the library's main goroutine and waits for the answer.
type handler struct {
	trans *transport
	store *store
	log   hclog.Logger
}

// Serve implements impl.Handler. It returns false, so that the call fails,
// for a call it does not know, for an error the library answers, and once
// the node is stopped: its storage no longer records what an answer would
// promise (a vote, an appended entry), so none may leave.
func (h *handler) Serve(method string, args, reply any) bool {
	cmd, data, err := request(method, args)
	if err != nil {
		h.log.Error(err.Error())
		return false
	}
	resp, err := h.trans.dispatch(cmd, data)
	if err != nil {
		h.log.Debug("call not answered", "method", method, "error", err)
		return false
	}
	if !h.store.live() {
		return false
	}
	if err := answer(method, resp, reply); err != nil {
		h.log.Error(err.Error())
		return false
	}
	return true
}

// dispatch hands an RPC to the main goroutine and waits for its answer,
// or for the transport to close: a node that shuts down leaves RPCs it
// had not taken unanswered, and their Serve must not wait for ever.
func (t *transport) dispatch(cmd any, data io.Reader) (any, error) {
	// Buffered, so that the main goroutine never waits to answer a caller
	// that has given up.
	respCh := make(chan raft.RPCResponse, 1)
	select {
	case t.consumer <- raft.RPC{Command: cmd, Reader: data, RespChan: respCh}:
	case <-t.closed:
		return nil, errClosed
	}
	select {
	case r := <-respCh:
		return r.Response, r.Error
	case <-t.closed:
		return nil, errClosed
	}
}

// request turns a call's arguments into the library's command.
func request(method string, args any) (cmd any, data io.Reader, err error) {
	switch a := args.(type) {
	case *appendEntriesArgs:
		if method == methodAppendEntries && a != nil {
			return a.request(), nil, nil
		}
	case *raft.RequestVoteRequest:
		if method == methodRequestVote && a != nil {
			return a, nil, nil
		}
	case *raft.RequestPreVoteRequest:
		if method == methodRequestPreVote && a != nil {
			return a, nil, nil
		}
	case *raft.TimeoutNowRequest:
		if method == methodTimeoutNow && a != nil {
			return a, nil, nil
		}
	case *installSnapshotArgs:
		if method == methodInstallSnapshot && a != nil {
			return &a.Request, bytes.NewReader(a.Data), nil
		}
	}
	return nil, nil, fmt.Errorf("hashiraft: cannot serve %q with arguments %T", method, args)
}

// answer copies the library's response into the caller's reply.
func answer(method string, resp, reply any) error {
	var ok bool
	switch method {
	case methodAppendEntries:
		ok = fill[raft.AppendEntriesResponse](resp, reply)
	case methodRequestVote:
		ok = fill[raft.RequestVoteResponse](resp, reply)
	case methodRequestPreVote:
		ok = fill[raft.RequestPreVoteResponse](resp, reply)
	case methodTimeoutNow:
		ok = fill[raft.TimeoutNowResponse](resp, reply)
	case methodInstallSnapshot:
		ok = fill[raft.InstallSnapshotResponse](resp, reply)
	}
	if !ok {
		return fmt.Errorf("hashiraft: cannot answer %q: the library answered %T, the caller expects %T", method, resp, reply)
	}
	return nil
}

func fill[T any](resp, reply any) bool {
	src, ok1 := resp.(*T)
	dst, ok2 := reply.(*T)
	if !ok1 || !ok2 || src == nil || dst == nil {
		return false
	}
	*dst = *src
	return true
}

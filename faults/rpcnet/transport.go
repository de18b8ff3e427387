package rpcnet

import (
	"reflect"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// skipKind marks a leg the classifier leaves out of the wire record.
const skipKind impl.Kind = 255

// transport is one incarnation's view of the network; it implements
// impl.Transport.
type transport struct {
	n    *Network
	from int
	inc  int
	done chan struct{} // closed when this incarnation stops
}

// Call carries one RPC: the request over from->peer, the handler on the
// peer, the reply over peer->from. It returns false when any part is lost,
// after waiting as long as the network would.
func (t *transport) Call(peer int, method string, args, reply any) bool {
	n := t.n
	rv := reflect.ValueOf(reply)
	switch {
	case !n.valid(peer):
		n.log.Error("call to a node that does not exist", "from", t.from, "to", peer, "method", method)
		return false
	case reply == nil || rv.Kind() != reflect.Pointer || rv.IsNil():
		n.log.Error("reply must be a non-nil pointer", "from", t.from, "method", method)
		return false
	}
	req := n.envelope(t.from, peer, method, args, false)
	n.traceMsg(faults.Sent, req, "")
	argsCopy := n.deepCopy(args)
	if ok, why := t.waitUnpaused(t.from); !ok { // the node sent it; its stalled network holds it
		n.traceMsg(faults.Dropped, req, why)
		return false
	}
	dup, ok := t.carry(t.from, peer, req)
	if !ok {
		return false
	}
	served, ok := t.serve(peer, method, argsCopy, rv.Type().Elem(), dup)
	if !ok {
		return false
	}
	rep := n.envelope(peer, t.from, method, served, true)
	if rep.Granted && (rep.Kind == impl.KindVoteReply || rep.Kind == impl.KindPreVoteReply) {
		// A vote is granted in the term of the request it answers. Many
		// labs fill reply.Term before adopting the candidate's higher
		// term; that is harmless, and must not read as a vote for the old term.
		rep.Term = req.Term
	}
	n.traceMsg(faults.Sent, rep, "")
	if _, ok := t.carry(peer, t.from, rep); !ok {
		return false
	}
	n.copyReply(reply, served)
	return true
}

// envelope classifies one leg of a call for the wire record.
func (n *Network) envelope(from, to int, method string, v any, reply bool) impl.Message {
	kind, term, granted, ok := n.cfg.Classify(method, v, reply)
	if !ok {
		kind = skipKind
	}
	m := impl.Message{From: from, To: to, Term: term, Kind: kind, Granted: granted}
	if kind == impl.KindHeartbeat {
		m.Entries = entryCount(v)
	}
	return m
}

// serve runs the peer's handler in a goroutine of the peer's own, and waits
// for it, for the peer to stop, or for the caller to stop. A duplicated
// request is served twice; the second answer is thrown away.
func (t *transport) serve(peer int, method string, args any, replyType reflect.Type, dup bool) (any, bool) {
	n := t.n
	n.mu.Lock()
	m := n.members[peer]
	if !m.live {
		n.mu.Unlock()
		return nil, false
	}
	h, inc, peerDone := m.handler, m.incarnation, m.done
	n.mu.Unlock()
	reply := reflect.New(replyType).Interface()
	result := make(chan bool, 1)
	go n.handle(peer, inc, h, method, args, reply, result)
	if dup {
		go n.handle(peer, inc, h, method, n.deepCopy(args), reflect.New(replyType).Interface(), make(chan bool, 1))
	}
	select {
	case ok := <-result:
		return reply, ok
	case <-peerDone:
		return nil, false // like labrpc: a server that dies mid-call fails the call
	case <-t.done:
		return nil, false
	}
}

func (n *Network) handle(peer, inc int, h impl.Handler, method string, args, reply any, result chan<- bool) {
	setLabels(n.run, peer, inc)
	ok := false
	defer func() { result <- ok }()
	defer n.recoverPanic(peer, "Serve "+method)
	if ok = h.Serve(method, args, reply); !ok {
		n.log.Warn("handler refused the call", "node", peer, "method", method)
	}
}

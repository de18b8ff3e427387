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
	replyType := rv.Type().Elem()
	if !t.carry(t.from, peer, req, func() { t.serveDuplicate(peer, method, argsCopy, replyType) }) {
		return false
	}
	served, ok := t.serve(peer, method, argsCopy, replyType)
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
	if !t.carry(peer, t.from, rep, nil) {
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
// for it, for the peer to stop, or for the caller to stop.
func (t *transport) serve(peer int, method string, args any, replyType reflect.Type) (any, bool) {
	h, inc, peerDone, ok := t.n.handlerOf(peer)
	if !ok {
		return nil, false
	}
	reply := reflect.New(replyType).Interface()
	result := make(chan bool, 1)
	go t.n.handle(peer, inc, h, method, args, reply, result)
	select {
	case ok := <-result:
		if dead(peerDone) {
			// It crashed while answering, or just after: the select may
			// pick either when both are ready, and a reply that left a
			// dead node could carry what it never persisted. Losing it is
			// always legal.
			return nil, false
		}
		return reply, ok
	case <-peerDone:
		return nil, false // like labrpc: a server that dies mid-call fails the call
	case <-t.done:
		return nil, false
	}
}

// dead reports whether done is closed.
func dead(done <-chan struct{}) bool {
	select {
	case <-done:
		return true
	default:
		return false
	}
}

// serveDuplicate runs the peer's handler on a duplicate of a request; a
// call is answered once, so its reply is thrown away.
func (t *transport) serveDuplicate(peer int, method string, args any, replyType reflect.Type) {
	if h, inc, _, ok := t.n.handlerOf(peer); ok {
		go t.n.handle(peer, inc, h, method, t.n.deepCopy(args), reflect.New(replyType).Interface(), make(chan bool, 1))
	}
}

// handlerOf is the live peer's handler, incarnation and done channel.
func (n *Network) handlerOf(peer int) (impl.Handler, int, chan struct{}, bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	m := n.members[peer]
	return m.handler, m.incarnation, m.done, m.live
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

package stateonly

// Method names end in RequestVote and AppendEntries so that the framework
// classifies them for the wire record.
const (
	requestVote   = "Peer.RequestVote"
	appendEntries = "Peer.AppendEntries"
)

// VoteArgs asks for a vote in Term (RequestVote, Raft Figure 2). There is no
// log, so every candidate is up to date.
type VoteArgs struct {
	Term      uint64
	Candidate int
}

type VoteReply struct {
	Term    uint64
	Granted bool
}

// AppendArgs is an empty AppendEntries: a heartbeat from the leader of Term.
type AppendArgs struct {
	Term   uint64
	Leader int
}

type AppendReply struct {
	Term    uint64
	Success bool
}

// request is an inbound call on its way to the loop, which sends exactly
// one answer on the buffered channel and so never blocks on it.
type request[A, R any] struct {
	args   A
	answer chan R
}

// outcome is the reply to an outbound call, on its way to the loop. args
// says which term the call was made in.
type outcome[A, R any] struct {
	peer  int
	args  A
	reply R
}

// Serve implements impl.Handler: it forwards the call to the loop and waits
// for the answer. It fails at once for an unknown call or a stopped node.
func (n *node) Serve(method string, args, reply any) bool {
	switch method {
	case requestVote:
		return forward[VoteArgs, VoteReply](n, args, reply)
	case appendEntries:
		return forward[AppendArgs, AppendReply](n, args, reply)
	}
	n.env.Logger.Warn("unknown method", "method", method)
	return false
}

func forward[A, R any](n *node, args, reply any) bool {
	a, okA := args.(A)
	r, okR := reply.(*R)
	if !okA || !okR {
		n.env.Logger.Warn("unexpected argument types", "args", args, "reply", reply)
		return false
	}
	req := request[A, R]{args: a, answer: make(chan R, 1)}
	if !n.post(req) {
		return false
	}
	select {
	case *r = <-req.answer:
		return true
	case <-n.stop:
		return false
	}
}

// call makes one outbound call in a goroutine of its own, so the loop never
// waits on the network, and posts the reply to the loop if one comes.
func call[A, R any](n *node, peer int, method string, args A) {
	go func() {
		var reply R
		if n.env.Transport.Call(peer, method, args, &reply) {
			n.post(outcome[A, R]{peer: peer, args: args, reply: reply})
		}
	}()
}

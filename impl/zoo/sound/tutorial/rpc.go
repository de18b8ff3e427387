package tutorial

import (
	"errors"
	"fmt"
)

// RequestVoteArgs and the other RPC types have no log fields: this is the
// election alone, so every candidate's log is as up to date as any other.
type RequestVoteArgs struct {
	Term        int
	CandidateId int
}

type RequestVoteReply struct {
	Term        int
	VoteGranted bool
}

type AppendEntriesArgs struct {
	Term     int
	LeaderId int
}

type AppendEntriesReply struct {
	Term    int
	Success bool
}

// errDead fails a call that reaches a stopped module, as net/rpc fails a
// call to a closed server.
var errDead = errors.New("tutorial: the module is dead")

// server is the RPC face of a ConsensusModule: it dispatches each inbound
// call by name, as net/rpc does for "ConsensusModule.<Method>".
type server struct{ cm *ConsensusModule }

// Serve implements impl.Handler. A call of an unknown method, or with
// arguments of another type, fails rather than panics.
func (s server) Serve(method string, args, reply any) bool {
	var err error
	switch method {
	case "ConsensusModule.RequestVote":
		a, okA := args.(RequestVoteArgs)
		r, okR := reply.(*RequestVoteReply)
		if !okA || !okR {
			return s.refuse(method, args, reply)
		}
		err = s.cm.RequestVote(a, r)
	case "ConsensusModule.AppendEntries":
		a, okA := args.(AppendEntriesArgs)
		r, okR := reply.(*AppendEntriesReply)
		if !okA || !okR {
			return s.refuse(method, args, reply)
		}
		err = s.cm.AppendEntries(a, r)
	default:
		return s.refuse(method, args, reply)
	}
	return err == nil
}

func (s server) refuse(method string, args, reply any) bool {
	s.cm.env.Logger.Warn("unexpected call", "method", method,
		"args", fmt.Sprintf("%T", args), "reply", fmt.Sprintf("%T", reply))
	return false
}

// call sends one RPC to a peer and reports whether a reply came back.
func (cm *ConsensusModule) call(peerId int, method string, args, reply any) bool {
	return cm.env.Transport.Call(peerId, "ConsensusModule."+method, args, reply)
}

package lockacrosscall

import (
	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/zoo/bugs/lab"
)

// Make creates a peer that holds its lock while it waits on the network.
func Make(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *lab.Raft {
	return lab.New(peers, me, persister, lab.Variant{Canvass: canvass})
}

// canvass asks each peer in a goroutine of its own, each of which locks
// first, the way the handlers do.
func canvass(rf *lab.Raft, args lab.RequestVoteArgs) {
	for peer, end := range rf.Peers() {
		if peer == rf.Me() {
			continue
		}
		go func() {
			rf.Lock()
			defer rf.Unlock()
			var reply lab.RequestVoteReply
			// BUG: rf.mu is held across the call, for as long as the
			// network takes to answer or to give up.
			if end.Call("Raft.RequestVote", &args, &reply) {
				lab.Count(rf, &args, &reply)
			}
		}()
	}
}

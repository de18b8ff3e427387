package stalevotereply

import (
	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/zoo/bugs/lab"
)

// Make creates a peer that counts votes from elections that are over.
func Make(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *lab.Raft {
	return lab.New(peers, me, persister, lab.Variant{Count: count})
}

// count counts a reply to args toward whatever this peer is doing now.
func count(rf *lab.Raft, args *lab.RequestVoteArgs, reply *lab.RequestVoteReply) {
	if rf.ObserveTerm(reply.Term) || !reply.VoteGranted {
		return
	}
	// BUG: missing the check that args.Term is still the current term and
	// that this peer is still a candidate (lab.Count returns here
	// otherwise): the vote was granted for args.Term, not for now.
	rf.AddVote()
}

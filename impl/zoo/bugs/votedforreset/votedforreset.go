package votedforreset

import (
	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/zoo/bugs/lab"
)

// Make creates a peer that forgets its vote once it has a leader.
func Make(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *lab.Raft {
	return lab.New(peers, me, persister, lab.Variant{Follow: follow})
}

// follow obeys the leader of the current term, and forgets the vote.
func follow(rf *lab.Raft) {
	rf.SetVotedFor(lab.None) // BUG: the vote belongs to the term, which goes on
	lab.Follow(rf)
}

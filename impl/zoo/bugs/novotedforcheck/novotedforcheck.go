package novotedforcheck

import (
	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/zoo/bugs/lab"
)

// Make creates a peer that votes for every candidate of its term.
func Make(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *lab.Raft {
	return lab.New(peers, me, persister, lab.Variant{MayVote: mayVote})
}

// mayVote is asked only about candidates of this peer's current term (a
// stale candidate is refused before, a newer term adopted before), which
// made the remaining check look unnecessary.
func mayVote(rf *lab.Raft, candidate int) bool {
	return true // BUG: Figure 2 adds "if votedFor is null or candidateId"
}

package noreset

import (
	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/zoo/bugs/lab"
)

// Make creates a peer whose followers ignore heartbeats as a sign of life.
func Make(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *lab.Raft {
	return lab.New(peers, me, persister, lab.Variant{Follow: follow})
}

// follow obeys the leader of the current term, but leaves the timer alone.
func follow(rf *lab.Raft) {
	rf.BecomeFollower()
	// BUG: no rf.ResetElectionTimer(). Only a granted vote feeds the timer,
	// so a follower of a live leader campaigns as soon as it runs out.
}

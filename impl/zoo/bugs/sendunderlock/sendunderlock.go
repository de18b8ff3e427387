package sendunderlock

import (
	"time"

	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/zoo/bugs/lab"
)

// Make creates a peer whose heartbeat handler tells the ticker, over a
// channel, that the leader is alive.
func Make(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *lab.Raft {
	heard := make(chan struct{})
	return lab.New(peers, me, persister, lab.Variant{
		Follow: func(rf *lab.Raft) { follow(rf, heard) },
		Ticker: func(rf *lab.Raft) { ticker(rf, heard) },
	})
}

// follow obeys the leader of the current term and leaves the election
// timer to the ticker, which owns it.
func follow(rf *lab.Raft, heard chan<- struct{}) {
	rf.BecomeFollower()
	// BUG: AppendEntries holds rf.mu here, and the send waits until the
	// ticker looks at the channel, which it does only after taking rf.mu.
	heard <- struct{}{}
}

// ticker campaigns when the timeout passes, then restarts the timeout if
// a heartbeat came in meanwhile.
func ticker(rf *lab.Raft, heard <-chan struct{}) {
	for !rf.Killed() {
		time.Sleep(lab.TickStep)
		rf.Tick()
		select {
		case <-heard:
			rf.Lock()
			rf.ResetElectionTimer()
			rf.Unlock()
		default:
		}
	}
}

package leakyheartbeat

import (
	"time"

	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/zoo/bugs/lab"
)

// Make creates a peer whose heartbeat goroutine outlives it.
func Make(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *lab.Raft {
	return lab.New(peers, me, persister, lab.Variant{Heartbeats: heartbeats})
}

// heartbeats sends a round whenever one is due, for ever.
func heartbeats(rf *lab.Raft) {
	for { // BUG: should be for !rf.Killed(): nothing ever ends this loop
		rf.Pulse()
		time.Sleep(lab.TickStep)
	}
}

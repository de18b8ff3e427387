package slowheartbeat

import (
	"time"

	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/zoo/bugs/lab"
)

// Make creates a peer that heartbeats far too rarely.
func Make(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *lab.Raft {
	return lab.New(peers, me, persister, lab.Variant{
		// BUG: longer than any election timeout (lab.ElectionTimeoutMax),
		// so followers give up on the leader between two heartbeats.
		HeartbeatInterval: 3 * time.Second,
	})
}

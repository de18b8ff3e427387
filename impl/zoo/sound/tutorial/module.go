package tutorial

import (
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

// CMState is the state of a ConsensusModule.
type CMState int

const (
	Follower CMState = iota
	Candidate
	Leader
	Dead
)

func (s CMState) String() string {
	switch s {
	case Follower:
		return "Follower"
	case Candidate:
		return "Candidate"
	case Leader:
		return "Leader"
	case Dead:
		return "Dead"
	}
	return fmt.Sprintf("CMState(%d)", int(s))
}

// ConsensusModule is one Raft server's election. Every field below mu is
// guarded by it.
type ConsensusModule struct {
	id      int
	peerIds []int // every other server
	env     impl.Env

	mu sync.Mutex

	// Raft state, in memory only: this module persists nothing.
	currentTerm int
	votedFor    int
	leaderId    int // the leader of currentTerm, once it has been heard

	state              CMState
	electionResetEvent time.Time

	reported impl.Status // the last status handed to the Observer
}

var _ impl.Node = (*ConsensusModule)(nil)

// New is an impl.NodeFactory: it builds a follower in term 0 and starts its
// election timer.
func New(env impl.Env) (impl.Node, impl.Handler, error) {
	if env.Logger == nil {
		env.Logger = hclog.NewNullLogger()
	}
	cm := &ConsensusModule{
		id:       env.ID,
		peerIds:  slices.DeleteFunc(slices.Clone(env.Peers), func(p int) bool { return p == env.ID }),
		env:      env,
		votedFor: -1,
		leaderId: -1,
		reported: impl.Status{Leader: -1, VotedFor: -1, Role: impl.Down},
	}
	cm.mu.Lock()
	cm.becomeFollower(0)
	cm.mu.Unlock()
	return cm, server{cm}, nil
}

// Report reports the state of this module.
func (cm *ConsensusModule) Report() (id int, term int, isLeader bool) {
	cm.mu.Lock()
	defer cm.mu.Unlock()
	return cm.id, cm.currentTerm, cm.state == Leader
}

// State implements impl.Node on top of Report.
func (cm *ConsensusModule) State() (uint64, bool) {
	_, term, isLeader := cm.Report()
	return uint64(term), isLeader
}

// Stop stops this module. It does not wait: each goroutine notices the Dead
// state on its next poll (10 ms for a timer, 50 ms for the heartbeat loop),
// and calls in flight are ended by the network when the node stops.
func (cm *ConsensusModule) Stop() {
	cm.mu.Lock()
	defer cm.mu.Unlock()
	cm.state = Dead
	cm.dlog("stopped")
}

// dlog logs at debug level. It reads nothing of the module's state, so it
// may be called with or without cm.mu.
func (cm *ConsensusModule) dlog(msg string, args ...any) {
	if !cm.env.Logger.IsDebug() {
		return
	}
	cm.env.Logger.Debug(msg, append([]any{"id", cm.id}, args...)...)
}

package lab2025

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/ballot-go/ballot/impl/labrpc"
)

// raftAPI restates the course's raftapi.Raft interface, which Make's
// result satisfies in the 2025 skeleton, so the compiler holds this port
// to the same shape.
type raftAPI interface {
	Start(command interface{}) (int, int, bool)
	Kill()
	GetState() (int, bool)
	PersistBytes() int
	Snapshot(index int, snapshot []byte)
}

var _ raftAPI = (*Raft)(nil)

// Role is a server state of Raft's Figure 4.
type Role int

const (
	Follower Role = iota
	Candidate
	Leader
)

func (r Role) String() string {
	switch r {
	case Follower:
		return "follower"
	case Candidate:
		return "candidate"
	case Leader:
		return "leader"
	}
	return "unknown role"
}

// Raft is a single Raft peer.
type Raft struct {
	mu        sync.Mutex          // Lock to protect shared access to this peer's state
	peers     []*labrpc.ClientEnd // RPC end points of all peers
	persister *labrpc.Persister   // Object to hold this peer's persisted state
	me        int                 // this peer's index into peers[]
	dead      int32               // set by Kill()

	// Persistent state on all servers (Figure 2); see persist.go.
	currentTerm int
	votedFor    int // -1: no vote yet in currentTerm

	role             Role
	electionDeadline time.Time // when a follower or candidate campaigns
}

// GetState returns currentTerm and whether this server believes it is the
// leader. Nobody holds rf.mu across an RPC, so this never waits on the
// network.
func (rf *Raft) GetState() (int, bool) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	return rf.currentTerm, rf.role == Leader
}

// Start is the 3A stub: there is no log yet, so a command is never placed
// at an index. The term and leadership are real, as the skeleton's callers
// expect.
func (rf *Raft) Start(command interface{}) (int, int, bool) {
	term, isLeader := rf.GetState()
	return -1, term, isLeader
}

// Snapshot is part of raftapi.Raft for Lab 3D; an election has no log to
// trim.
func (rf *Raft) Snapshot(index int, snapshot []byte) {}

// Kill sets dead. Each loop checks killed() when it wakes: the ticker
// within 50 ms, a heartbeat goroutine within 100 ms. Goroutines blocked in
// Call end when the framework fails the calls of a stopped node.
func (rf *Raft) Kill() {
	atomic.StoreInt32(&rf.dead, 1)
}

func (rf *Raft) killed() bool {
	return atomic.LoadInt32(&rf.dead) == 1
}

// Make creates a Raft peer: peers holds every peer's end point, this one's
// at index me, and persister what this peer last saved, if anything. Lab 3A
// sends nothing on applyCh. Make returns at once; the ticker goroutine
// runs the elections.
func Make(peers []*labrpc.ClientEnd, me int,
	persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *Raft {
	rf := &Raft{
		peers:     peers,
		persister: persister,
		me:        me,
		votedFor:  -1,
		role:      Follower,
	}
	rf.readPersist(persister.ReadRaftState())
	rf.resetElectionDeadline()
	go rf.ticker()
	return rf
}

package lab

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/ballot-go/ballot/impl/labrpc"
)

// None is votedFor's value when this peer has not voted in its current term.
const None = -1

type role int

const (
	follower role = iota
	candidate
	leader
)

// Raft is a single Raft peer. Besides what the framework calls (GetState,
// Kill, and the RPC handlers RequestVote and AppendEntries), it exports the
// few methods the variants' hooks need; none of them has an RPC handler's
// shape, so none can be called over the network.
type Raft struct {
	mu        sync.Mutex
	peers     []*labrpc.ClientEnd // RPC end points of all peers, this one's included
	persister *labrpc.Persister
	me        int // this peer's index into peers
	dead      atomic.Bool
	v         Variant

	// Persistent state (Figure 2): persist saves it before any reply that
	// depends on it leaves.
	currentTerm int
	votedFor    int // None, or whom this peer voted for in currentTerm

	role     role
	votes    int       // granted to this peer's latest candidacy, its own included
	deadline time.Time // when a follower or candidate starts the next election
	lastBeat time.Time // when this leader last sent heartbeats
}

// Make creates a Raft peer with no bug: New with the zero Variant. applyCh
// is never used, since Lab 3A commits nothing.
func Make(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *Raft {
	return New(peers, me, persister, Variant{})
}

// New creates a Raft peer with the variant's hooks in place of the correct
// behaviour. peers holds every peer's end point, this one's at index me;
// persister holds what this peer last saved, if anything. New returns at
// once, leaving the election to the ticker and heartbeat goroutines.
func New(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, v Variant) *Raft {
	rf := newRaft(peers, me, persister, v)
	go rf.v.Ticker(rf)
	go rf.v.Heartbeats(rf)
	return rf
}

// newRaft builds a peer from its persisted state without starting any
// goroutine, so that tests can drive its handlers.
func newRaft(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, v Variant) *Raft {
	rf := &Raft{
		peers:     peers,
		persister: persister,
		me:        me,
		v:         v.withDefaults(),
		votedFor:  None,
	}
	rf.readPersist(persister.ReadRaftState())
	rf.ResetElectionTimer()
	return rf
}

// GetState returns currentTerm and whether this peer believes it leads.
func (rf *Raft) GetState() (int, bool) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	return rf.currentTerm, rf.role == leader
}

// Kill is called when this peer is shut down for good; every loop of the
// base checks Killed.
func (rf *Raft) Kill() { rf.dead.Store(true) }

// Killed reports whether Kill has been called: 6.5840's killed(), exported
// for the variants' loops.
func (rf *Raft) Killed() bool { return rf.dead.Load() }

// Lock and Unlock take and release the lock that guards every field.
func (rf *Raft) Lock()   { rf.mu.Lock() }
func (rf *Raft) Unlock() { rf.mu.Unlock() }

// Me is this peer's index into Peers.
func (rf *Raft) Me() int { return rf.me }

// Peers returns every peer's end point, this one's included. The slice is
// shared and never changes: read it without the lock, do not modify it.
func (rf *Raft) Peers() []*labrpc.ClientEnd { return rf.peers }

package lab2024

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/ballot-go/ballot/impl/labrpc"
)

// The server states of Raft's Figure 4.
const (
	Follower = iota
	Candidate
	Leader
)

// Raft is a single Raft peer, laid out as the skeleton's struct.
type Raft struct {
	mu        sync.Mutex          // Lock to protect shared access to this peer's state
	peers     []*labrpc.ClientEnd // RPC end points of all peers
	persister *labrpc.Persister   // Object to hold this peer's persisted state
	me        int                 // this peer's index into peers[]
	dead      int32               // set by Kill()

	// Persistent state on all servers (Figure 2).
	currentTerm int
	votedFor    int // -1: no vote yet in currentTerm

	state int // Follower, Candidate or Leader
	votes int // votes won in the current election, its own included

	// The election timer: a follower or candidate starts an election once
	// electionTimeout has passed since lastReset.
	lastReset       time.Time
	electionTimeout time.Duration

	lastBroadcast time.Time // when this leader last sent heartbeats
}

// GetState returns currentTerm and whether this server believes it is the
// leader. It only reads memory under the lock, which nobody holds across
// an RPC, so it never waits on the network.
func (rf *Raft) GetState() (int, bool) {
	var term int
	var isleader bool
	rf.mu.Lock()
	term = rf.currentTerm
	isleader = rf.state == Leader
	rf.mu.Unlock()
	return term, isleader
}

// Start is the skeleton's stub: Lab 3A replicates no log, so no command is
// ever placed at an index.
func (rf *Raft) Start(command interface{}) (int, int, bool) {
	term, isLeader := rf.GetState()
	return -1, term, isLeader
}

// Kill is the skeleton's: it only sets dead. The ticker and the
// heartbeater check killed() each time they wake, so they end within one
// sleep; goroutines blocked in Call end when the framework fails the calls
// of a stopped node.
func (rf *Raft) Kill() {
	atomic.StoreInt32(&rf.dead, 1)
}

func (rf *Raft) killed() bool {
	z := atomic.LoadInt32(&rf.dead)
	return z == 1
}

// Make creates a Raft peer: peers holds every peer's end point, this one's
// at index me, and persister what this peer last saved, if anything. Lab 3A
// sends nothing on applyCh. Make returns at once, leaving the work to
// long-running goroutines.
func Make(peers []*labrpc.ClientEnd, me int,
	persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *Raft {
	rf := &Raft{}
	rf.peers = peers
	rf.persister = persister
	rf.me = me

	rf.votedFor = -1
	rf.state = Follower
	rf.resetElectionTimer()

	// initialize from state persisted before a crash
	rf.readPersist(persister.ReadRaftState())

	// start ticker goroutine to start elections
	go rf.ticker()
	go rf.heartbeater()

	return rf
}

package appendlog

import (
	"sync"
	"time"

	"github.com/ballot-go/ballot/impl/labrpc"
)

// role is a server state of Raft's Figure 4.
type role int

const (
	follower role = iota
	candidate
	leader
)

// Raft is a single Raft peer.
type Raft struct {
	mu        sync.Mutex
	peers     []*labrpc.ClientEnd
	persister *labrpc.Persister
	me        int
	applyCh   chan labrpc.ApplyMsg

	// Persistent state (Figure 2), see persist.go.
	currentTerm int
	votedFor    int     // -1: no vote yet in currentTerm
	log         []Entry // see log.go

	// Volatile state on all servers.
	role        role
	commitIndex int
	lastApplied int
	votes       int // granted in the current election, its own included

	// Volatile state on leaders, reinitialized on each win.
	nextIndex     []int
	matchIndex    []int
	lastBroadcast time.Time

	// Signals between goroutines, never blocking the sender (see signal).
	done      chan struct{} // closed by Kill
	killOnce  sync.Once
	heard     chan struct{} // to run: restart the election timer
	elected   chan struct{} // to run: heartbeat now, restart the ticker
	committed chan struct{} // to applier: commitIndex moved
}

// GetState returns currentTerm and whether this server believes it is the
// leader. Nobody holds rf.mu across an RPC, so it never waits on the
// network.
func (rf *Raft) GetState() (int, bool) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	return rf.currentTerm, rf.role == leader
}

// Start appends command to the leader's log and returns its index and
// term. It returns at once: the entry goes out with the next heartbeat, and
// may never commit if leadership is lost first.
func (rf *Raft) Start(command interface{}) (int, int, bool) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.role != leader || rf.killed() {
		return -1, rf.currentTerm, false
	}
	index := rf.appendOwn(command)
	return index, rf.currentTerm, true
}

// Kill closes done, which every long-running goroutine selects on, so they
// end at once; goroutines blocked in Call end when the framework fails the
// calls of a stopped node.
func (rf *Raft) Kill() {
	rf.killOnce.Do(func() { close(rf.done) })
}

func (rf *Raft) killed() bool {
	select {
	case <-rf.done:
		return true
	default:
		return false
	}
}

// signal wakes the goroutine that waits on ch, without blocking: ch has
// room for one signal, and a signal already pending covers this one.
func signal(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

// Make creates a Raft peer: peers holds every peer's end point, this one's
// at index me, and persister what this peer last saved, if anything.
// Committed commands are sent on applyCh. Make returns at once, leaving
// the work to two goroutines: run (timers) and applier.
func Make(peers []*labrpc.ClientEnd, me int,
	persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *Raft {
	rf := &Raft{
		peers:      peers,
		persister:  persister,
		me:         me,
		applyCh:    applyCh,
		votedFor:   -1,
		log:        []Entry{{Term: 0}},
		nextIndex:  make([]int, len(peers)),
		matchIndex: make([]int, len(peers)),
		done:       make(chan struct{}),
		heard:      make(chan struct{}, 1),
		elected:    make(chan struct{}, 1),
		committed:  make(chan struct{}, 1),
	}
	rf.readPersist(persister.ReadRaftState())
	go rf.run()
	go rf.applier()
	return rf
}

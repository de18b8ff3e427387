package wallclockseed

import (
	"bytes"
	"math/rand"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/labrpc/labgob"
)

// Timing, see the package documentation.
const (
	ElectionTimeoutMin  = 400 * time.Millisecond
	ElectionTimeoutSpan = 400 * time.Millisecond
	HeartbeatInterval   = 150 * time.Millisecond
	tickStep            = 10 * time.Millisecond
)

type serverState int

const (
	follower serverState = iota
	candidate
	leader
)

// Raft is one peer.
type Raft struct {
	mu        sync.Mutex
	peers     []*labrpc.ClientEnd
	persister *labrpc.Persister
	me        int
	dead      int32
	rand      *rand.Rand // this peer's own source of election timeouts, under mu

	// Persistent state.
	currentTerm int
	votedFor    int // -1 for none

	state         serverState
	deadline      time.Time // when a follower or candidate starts an election
	lastHeartbeat time.Time // when this leader last sent heartbeats
}

// Make creates a peer and starts its ticker.
func Make(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *Raft {
	// The bug: a seed from the wall clock, the same for every peer that
	// starts at the same instant. Should be: a source no two peers share,
	// such as the global math/rand functions.
	seed := rand.New(rand.NewSource(time.Now().UnixNano()))
	return start(peers, me, persister, seed)
}

// start builds a peer that draws its timeouts from r and starts its ticker.
func start(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, r *rand.Rand) *Raft {
	rf := &Raft{peers: peers, persister: persister, me: me, rand: r, votedFor: -1}
	rf.readPersist(persister.ReadRaftState())
	rf.resetElectionTimer()
	go rf.ticker()
	return rf
}

// GetState returns the current term and whether this peer believes it leads.
func (rf *Raft) GetState() (int, bool) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	return rf.currentTerm, rf.state == leader
}

// Kill stops the peer: every loop checks killed().
func (rf *Raft) Kill() {
	atomic.StoreInt32(&rf.dead, 1)
}

func (rf *Raft) killed() bool {
	return atomic.LoadInt32(&rf.dead) == 1
}

// persist saves the term and vote. Call with rf.mu held, before any reply
// that depends on them.
func (rf *Raft) persist() {
	w := new(bytes.Buffer)
	e := labgob.NewEncoder(w)
	if e.Encode(rf.currentTerm) != nil || e.Encode(rf.votedFor) != nil {
		panic("persist: cannot encode the term and vote")
	}
	rf.persister.Save(w.Bytes(), nil)
}

// readPersist restores what persist saved, if anything.
func (rf *Raft) readPersist(data []byte) {
	if len(data) == 0 {
		return
	}
	d := labgob.NewDecoder(bytes.NewBuffer(data))
	var term, votedFor int
	if d.Decode(&term) != nil || d.Decode(&votedFor) != nil {
		panic("readPersist: cannot decode the term and vote")
	}
	rf.currentTerm, rf.votedFor = term, votedFor
}

// becomeFollower moves to a higher term with no vote in it, and saves it.
// Call with rf.mu held.
func (rf *Raft) becomeFollower(term int) {
	if rf.state == leader {
		rf.resetElectionTimer() // the deadline drawn before taking office is long past
	}
	rf.currentTerm, rf.votedFor, rf.state = term, -1, follower
	rf.persist()
}

// resetElectionTimer draws the next election timeout from the peer's own
// source. Call with rf.mu held.
func (rf *Raft) resetElectionTimer() {
	rf.deadline = time.Now().Add(ElectionTimeoutMin + time.Duration(rf.rand.Int63n(int64(ElectionTimeoutSpan))))
}

// ticker starts elections and sends heartbeats, checking killed() every
// tickStep.
func (rf *Raft) ticker() {
	for !rf.killed() {
		rf.mu.Lock()
		now := time.Now()
		switch {
		case rf.state == leader && now.Sub(rf.lastHeartbeat) >= HeartbeatInterval:
			rf.broadcastHeartbeats()
		case rf.state != leader && !now.Before(rf.deadline):
			rf.startElection()
		}
		rf.mu.Unlock()
		time.Sleep(tickStep)
	}
}

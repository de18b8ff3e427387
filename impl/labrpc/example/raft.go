package example

import (
	"bytes"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/labrpc/labgob"
)

// Timing, see the package documentation.
const (
	HeartbeatInterval  = 120 * time.Millisecond
	ElectionTimeoutMin = 400 * time.Millisecond
	ElectionTimeoutMax = 800 * time.Millisecond // exclusive
	tickStep           = 10 * time.Millisecond
)

type serverState int

const (
	follower serverState = iota
	candidate
	leader
)

// LogEntry is one log entry. Lab 3A never appends any: the log holds only a
// sentinel at index 0.
type LogEntry struct {
	Term    int
	Command interface{}
}

// Raft is a single Raft peer.
type Raft struct {
	mu        sync.Mutex          // Lock to protect shared access to this peer's state
	peers     []*labrpc.ClientEnd // RPC end points of all peers
	persister *labrpc.Persister   // Object to hold this peer's persisted state
	me        int                 // this peer's index into peers[]
	dead      int32               // set by Kill()

	// Persistent state on all servers.
	currentTerm int
	votedFor    int // -1 for none
	log         []LogEntry

	state            serverState
	electionDeadline time.Time // when a follower or candidate starts an election
	lastHeartbeat    time.Time // when this leader last sent heartbeats
}

// GetState returns currentTerm and whether this server believes it is the
// leader.
func (rf *Raft) GetState() (int, bool) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	return rf.currentTerm, rf.state == leader
}

// persist saves currentTerm and votedFor. Lab 3A's log never changes, so it
// is not saved. Call with rf.mu held.
func (rf *Raft) persist() {
	w := new(bytes.Buffer)
	e := labgob.NewEncoder(w)
	if err := e.Encode(rf.currentTerm); err != nil {
		panic(err)
	}
	if err := e.Encode(rf.votedFor); err != nil {
		panic(err)
	}
	rf.persister.Save(w.Bytes(), rf.persister.ReadSnapshot())
}

// readPersist restores previously persisted state.
func (rf *Raft) readPersist(data []byte) {
	if len(data) < 1 { // bootstrap without any state
		return
	}
	d := labgob.NewDecoder(bytes.NewBuffer(data))
	var currentTerm, votedFor int
	if d.Decode(&currentTerm) != nil || d.Decode(&votedFor) != nil {
		panic("readPersist: cannot decode the persisted state")
	}
	rf.currentTerm = currentTerm
	rf.votedFor = votedFor
}

// RequestVoteArgs is the RequestVote RPC's arguments.
type RequestVoteArgs struct {
	Term         int
	CandidateId  int
	LastLogIndex int
	LastLogTerm  int
}

// RequestVoteReply is the RequestVote RPC's reply.
type RequestVoteReply struct {
	Term        int
	VoteGranted bool
}

// AppendEntriesArgs is the AppendEntries RPC's arguments; Lab 3A sends it
// empty, as a heartbeat.
type AppendEntriesArgs struct {
	Term         int
	LeaderId     int
	PrevLogIndex int
	PrevLogTerm  int
	Entries      []LogEntry
	LeaderCommit int
}

// AppendEntriesReply is the AppendEntries RPC's reply.
type AppendEntriesReply struct {
	Term    int
	Success bool
}

// RequestVote is the RequestVote RPC handler.
func (rf *Raft) RequestVote(args *RequestVoteArgs, reply *RequestVoteReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()

	changed := false
	if args.Term > rf.currentTerm {
		rf.becomeFollower(args.Term)
		changed = true
	}
	reply.Term = rf.currentTerm
	reply.VoteGranted = false

	if args.Term == rf.currentTerm &&
		(rf.votedFor == -1 || rf.votedFor == args.CandidateId) &&
		rf.candidateUpToDate(args.LastLogIndex, args.LastLogTerm) {
		rf.votedFor = args.CandidateId
		changed = true
		reply.VoteGranted = true
		rf.resetElectionTimer()
	}
	if changed {
		rf.persist() // before the reply leaves
	}
}

// candidateUpToDate reports whether a candidate's log is at least as up to
// date as this server's (§5.4.1). Call with rf.mu held.
func (rf *Raft) candidateUpToDate(lastIndex, lastTerm int) bool {
	myIndex := len(rf.log) - 1
	myTerm := rf.log[myIndex].Term
	if lastTerm != myTerm {
		return lastTerm > myTerm
	}
	return lastIndex >= myIndex
}

// AppendEntries is the AppendEntries RPC handler.
func (rf *Raft) AppendEntries(args *AppendEntriesArgs, reply *AppendEntriesReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()

	if args.Term < rf.currentTerm {
		reply.Term = rf.currentTerm
		reply.Success = false
		return
	}
	if args.Term > rf.currentTerm {
		rf.becomeFollower(args.Term)
		rf.persist()
	}
	// A leader of this term exists: a candidate of the same term steps down.
	rf.state = follower
	rf.resetElectionTimer()

	reply.Term = rf.currentTerm
	reply.Success = args.PrevLogIndex < len(rf.log) && rf.log[args.PrevLogIndex].Term == args.PrevLogTerm
}

func (rf *Raft) sendRequestVote(server int, args *RequestVoteArgs, reply *RequestVoteReply) bool {
	return rf.peers[server].Call("Raft.RequestVote", args, reply)
}

func (rf *Raft) sendAppendEntries(server int, args *AppendEntriesArgs, reply *AppendEntriesReply) bool {
	return rf.peers[server].Call("Raft.AppendEntries", args, reply)
}

// Kill is called by the tester (here, the framework) when this peer is shut
// down for good. Every loop checks killed().
func (rf *Raft) Kill() {
	atomic.StoreInt32(&rf.dead, 1)
}

func (rf *Raft) killed() bool {
	z := atomic.LoadInt32(&rf.dead)
	return z == 1
}

// becomeFollower moves to a higher term, with no vote in it. The caller
// persists. Call with rf.mu held.
func (rf *Raft) becomeFollower(term int) {
	if rf.state == leader {
		// The deadline drawn before this server took office is long past.
		rf.resetElectionTimer()
	}
	rf.currentTerm = term
	rf.votedFor = -1
	rf.state = follower
}

// resetElectionTimer draws a new election timeout. Call with rf.mu held.
func (rf *Raft) resetElectionTimer() {
	timeout := ElectionTimeoutMin + rand.N(ElectionTimeoutMax-ElectionTimeoutMin)
	rf.electionDeadline = time.Now().Add(timeout)
}

// ticker starts elections and sends heartbeats. It sleeps in short steps so
// that it notices Kill within one step.
func (rf *Raft) ticker() {
	for !rf.killed() {
		rf.mu.Lock()
		now := time.Now()
		switch {
		case rf.state == leader && now.Sub(rf.lastHeartbeat) >= HeartbeatInterval:
			rf.broadcastHeartbeats()
		case rf.state != leader && !now.Before(rf.electionDeadline):
			rf.startElection()
		}
		rf.mu.Unlock()
		time.Sleep(tickStep)
	}
}

// startElection becomes a candidate of the next term and asks every peer for
// its vote, in parallel. Call with rf.mu held.
func (rf *Raft) startElection() {
	rf.state = candidate
	rf.currentTerm++
	rf.votedFor = rf.me
	rf.persist()
	rf.resetElectionTimer()

	args := RequestVoteArgs{
		Term:         rf.currentTerm,
		CandidateId:  rf.me,
		LastLogIndex: len(rf.log) - 1,
		LastLogTerm:  rf.log[len(rf.log)-1].Term,
	}
	votes := 1
	if votes > len(rf.peers)/2 { // a cluster of one
		rf.becomeLeader()
		return
	}
	for i := range rf.peers {
		if i == rf.me {
			continue
		}
		go func(server int) {
			a := args // each call gets its own args
			var reply RequestVoteReply
			if !rf.sendRequestVote(server, &a, &reply) {
				return
			}
			rf.mu.Lock()
			defer rf.mu.Unlock()
			if rf.killed() {
				return
			}
			if reply.Term > rf.currentTerm {
				rf.becomeFollower(reply.Term)
				rf.persist()
				return
			}
			// Count only votes for the election still running.
			if rf.state != candidate || rf.currentTerm != a.Term || !reply.VoteGranted {
				return
			}
			votes++
			if votes > len(rf.peers)/2 {
				rf.becomeLeader()
			}
		}(i)
	}
}

// becomeLeader takes office and asserts it at once. Call with rf.mu held.
func (rf *Raft) becomeLeader() {
	rf.state = leader
	rf.broadcastHeartbeats()
}

// broadcastHeartbeats sends an empty AppendEntries to every peer, in
// parallel. Call with rf.mu held.
func (rf *Raft) broadcastHeartbeats() {
	rf.lastHeartbeat = time.Now()
	args := AppendEntriesArgs{
		Term:         rf.currentTerm,
		LeaderId:     rf.me,
		PrevLogIndex: len(rf.log) - 1,
		PrevLogTerm:  rf.log[len(rf.log)-1].Term,
	}
	for i := range rf.peers {
		if i == rf.me {
			continue
		}
		go func(server int) {
			a := args
			var reply AppendEntriesReply
			if !rf.sendAppendEntries(server, &a, &reply) {
				return
			}
			rf.mu.Lock()
			defer rf.mu.Unlock()
			if !rf.killed() && reply.Term > rf.currentTerm {
				rf.becomeFollower(reply.Term)
				rf.persist()
			}
		}(i)
	}
}

// newRaft builds a peer from its persisted state without starting any
// goroutine.
func newRaft(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister) *Raft {
	rf := &Raft{
		peers:     peers,
		persister: persister,
		me:        me,
		votedFor:  -1,
		log:       []LogEntry{{Term: 0}}, // sentinel at index 0
		state:     follower,
	}
	rf.readPersist(persister.ReadRaftState())
	rf.resetElectionTimer()
	return rf
}

// Make creates a Raft peer. peers holds every peer's end point, this one's
// at index me. persister holds what this peer last saved, if anything.
// applyCh carries committed entries to the service; Lab 3A sends none.
// Make returns at once, leaving the election to the ticker goroutine.
func Make(peers []*labrpc.ClientEnd, me int,
	persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *Raft {
	rf := newRaft(peers, me, persister)
	go rf.ticker()
	return rf
}

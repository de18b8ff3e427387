package labrpc

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/ballot-go/ballot/impl"
)

// Blob names under which a Persister keeps its state in the node's Storage.
const (
	RaftStateBlob = "raftstate"
	SnapshotBlob  = "snapshot"
)

// Persister is 6.5840's Persister, kept in the node's [impl.Storage]
// through its [impl.Blobs] capability, under the names "raftstate" and
// "snapshot". The framework hands the same Storage to the node's next
// incarnation, whose Persister then reads the last saved bytes. It is safe
// for concurrent use.
//
// As in 6.5840, Save replaces both blobs at once: Save(state, nil) erases
// the snapshot. Once the node is stopped the Persister is detached: later
// Saves are dropped (the 6.5840 tester gives a restarted server a copy of the
// persister for the same reason), and a Save that began before Stop
// completes before Stop goes on.
type Persister struct {
	mu        sync.Mutex
	blobs     impl.Blobs
	raftstate []byte
	snapshot  []byte
	detached  bool
}

// NewPersister returns a Persister holding what s last saved under the
// blob names. s must implement [impl.Blobs]. The node factory of [Node]
// makes one per incarnation; tests of 6.5840 code may make their own, on an
// [impl.MemStorage] for instance.
func NewPersister(s impl.Storage) (*Persister, error) {
	if s == nil {
		return nil, fmt.Errorf("labrpc: no Storage; a Persister needs one that implements impl.Blobs")
	}
	b, ok := s.(impl.Blobs)
	if !ok {
		return nil, fmt.Errorf("labrpc: storage %T does not implement impl.Blobs (Blob and SetBlob), which the 6.5840 Persister needs; impl.MemStorage does", s)
	}
	return &Persister{blobs: b, raftstate: b.Blob(RaftStateBlob), snapshot: b.Blob(SnapshotBlob)}, nil
}

// ReadRaftState returns a copy of the last saved Raft state, or nil.
func (ps *Persister) ReadRaftState() []byte {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return bytes.Clone(ps.raftstate)
}

// RaftStateSize returns the length of the last saved Raft state.
func (ps *Persister) RaftStateSize() int {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return len(ps.raftstate)
}

// ReadSnapshot returns a copy of the last saved snapshot, or nil.
func (ps *Persister) ReadSnapshot() []byte {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return bytes.Clone(ps.snapshot)
}

// SnapshotSize returns the length of the last saved snapshot.
func (ps *Persister) SnapshotSize() int {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return len(ps.snapshot)
}

// Save stores copies of raftstate and snapshot, both at once. When it
// returns they survive a crash, unless the node was already stopped.
func (ps *Persister) Save(raftstate []byte, snapshot []byte) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.detached {
		return
	}
	ps.raftstate = bytes.Clone(raftstate)
	ps.snapshot = bytes.Clone(snapshot)
	// Stop waits for this lock, so no crash falls between the two writes.
	ps.blobs.SetBlob(SnapshotBlob, ps.snapshot)
	ps.blobs.SetBlob(RaftStateBlob, ps.raftstate)
}

// detach drops every later Save. It waits for a Save in progress.
func (ps *Persister) detach() {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	ps.detached = true
}

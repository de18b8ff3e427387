package impl

import (
	"bytes"
	"sync"
)

// HardState is what Raft must persist before it answers a vote request
// (Raft Figure 2, "Persistent state on all servers").
type HardState struct {
	Term     uint64
	VotedFor int
}

// Storage holds the state that survives a crash. The framework keeps one
// Storage per node and hands the same one to the node's next incarnation.
// Everything else a node holds is lost on a crash.
type Storage interface {
	// HardState returns the last saved state, or {0, None} if none was saved.
	HardState() HardState
	// SetHardState persists hs. When it returns, hs survives a crash.
	SetHardState(hs HardState)
}

// Blobs is an optional capability of a Storage, found by type assertion:
// named byte strings that survive a crash, for implementations that persist
// their own encoding (6.5840's Persister keeps its Raft state and snapshot
// this way). A restarted node sees the last bytes set under each name.
type Blobs interface {
	// Blob returns a copy of the bytes saved under name, or nil.
	Blob(name string) []byte
	// SetBlob saves a copy of b under name.
	SetBlob(name string, b []byte)
}

// MemStorage is a Storage with Blobs, in memory, safe for concurrent use.
type MemStorage struct {
	mu    sync.Mutex
	hs    HardState
	blobs map[string][]byte
}

// NewMemStorage returns an empty storage: term 0, no vote.
func NewMemStorage() *MemStorage { return &MemStorage{hs: HardState{VotedFor: None}} }

// HardState implements Storage.
func (s *MemStorage) HardState() HardState {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hs
}

// SetHardState implements Storage.
func (s *MemStorage) SetHardState(hs HardState) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hs = hs
}

// Blob implements Blobs.
func (s *MemStorage) Blob(name string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Clone(s.blobs[name])
}

// SetBlob implements Blobs.
func (s *MemStorage) SetBlob(name string, b []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.blobs == nil {
		s.blobs = map[string][]byte{}
	}
	s.blobs[name] = bytes.Clone(b)
}

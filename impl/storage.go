package impl

import "sync"

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

// MemStorage is a Storage in memory, safe for concurrent use.
type MemStorage struct {
	mu sync.Mutex
	hs HardState
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

package hashiraft

import (
	"encoding/binary"

	"github.com/ballot-go/ballot/impl"
)

// The StableStore keys where the library keeps its term and its vote
// (raft.go: keyCurrentTerm, keyLastVoteTerm, keyLastVoteCand).
const (
	keyCurrentTerm  = "CurrentTerm"
	keyLastVoteTerm = "LastVoteTerm"
	keyLastVoteCand = "LastVoteCand"
)

// Set implements raft.StableStore.
func (s *store) Set(key, val []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stable[string(key)] = append([]byte(nil), val...)
	return s.flushStable(string(key))
}

// Get implements raft.StableStore: a missing key reads as nil, no error.
func (s *store) Get(key []byte) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.stable[string(key)]
	if !ok {
		return nil, nil
	}
	return append([]byte(nil), v...), nil
}

// SetUint64 implements raft.StableStore.
func (s *store) SetUint64(key []byte, val uint64) error {
	return s.Set(key, binary.BigEndian.AppendUint64(nil, val))
}

// GetUint64 implements raft.StableStore: a missing key reads as 0.
func (s *store) GetUint64(key []byte) (uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.uint64(string(key)), nil
}

// uint64 is the value of key, or 0. Callers hold s.mu.
func (s *store) uint64(key string) uint64 {
	v := s.stable[key]
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

// flushStable writes the stable keys after key changed, and the HardState
// they amount to. Callers hold s.mu.
//
// The library records a vote in two writes, LastVoteTerm and then
// LastVoteCand (raft.go, persistVote). Written alone, the first would pair
// the new term with the previous candidate, and a crash between the two
// would leave a vote the node never cast. So LastVoteTerm waits in memory
// for LastVoteCand, and both reach the storage at once.
func (s *store) flushStable(key string) error {
	if key == keyLastVoteTerm {
		return nil
	}
	if err := s.write(stableBlob, s.stable); err != nil {
		return err
	}
	if s.attached {
		s.storage.SetHardState(s.hardState())
	}
	return nil
}

// hardState is the term and the vote cast in it, as ballot records them.
// Callers hold s.mu.
func (s *store) hardState() impl.HardState {
	hs := impl.HardState{Term: s.uint64(keyCurrentTerm), VotedFor: impl.None}
	if s.uint64(keyLastVoteTerm) != hs.Term || hs.Term == 0 {
		return hs
	}
	if id, err := nodeOf(addressOf(s.stable[keyLastVoteCand])); err == nil {
		hs.VotedFor = id
	}
	return hs
}

package hashiraft

import (
	"strconv"

	"github.com/hashicorp/raft"
)

// logBounds is the log's extent as it is kept in the storage: the bounds
// are written after the entries, so an append cut short by a crash leaves
// the log as it was.
type logBounds struct {
	First, Last uint64
}

func entryBlob(index uint64) string { return logEntryPrefix + strconv.FormatUint(index, 10) }

// FirstIndex implements raft.LogStore.
func (s *store) FirstIndex() (uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.first, nil
}

// LastIndex implements raft.LogStore.
func (s *store) LastIndex() (uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last, nil
}

// GetLog implements raft.LogStore.
func (s *store) GetLog(index uint64, l *raft.Log) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.entries[index]
	if !ok {
		return raft.ErrLogNotFound
	}
	*l = *e.log()
	l.Data, l.Extensions = clone(l.Data), clone(l.Extensions)
	return nil
}

// StoreLog implements raft.LogStore.
func (s *store) StoreLog(l *raft.Log) error { return s.StoreLogs([]*raft.Log{l}) }

// StoreLogs implements raft.LogStore.
func (s *store) StoreLogs(logs []*raft.Log) error {
	if len(logs) == 0 {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, l := range logs {
		e := entryOf(l)
		e.Data, e.Extensions = clone(e.Data), clone(e.Extensions)
		s.entries[e.Index] = e
		if err := s.write(entryBlob(e.Index), e); err != nil {
			return err
		}
		if s.first == 0 || e.Index < s.first {
			s.first = e.Index
		}
		s.last = max(s.last, e.Index)
	}
	return s.writeBounds()
}

// DeleteRange implements raft.LogStore. The library cuts a suffix (a
// conflict with the leader's log) or a prefix (compaction); a range in the
// middle leaves a gap that GetLog reports as missing.
func (s *store) DeleteRange(lo, hi uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.last == 0 || hi < s.first || lo > s.last {
		return nil
	}
	for i := max(lo, s.first); i <= min(hi, s.last); i++ {
		delete(s.entries, i)
		if s.attached {
			s.blobs.SetBlob(entryBlob(i), nil)
		}
	}
	switch {
	case lo <= s.first && hi >= s.last:
		s.first, s.last = 0, 0
	case lo <= s.first:
		s.first = hi + 1
	case hi >= s.last:
		s.last = lo - 1
	}
	return s.writeBounds()
}

// writeBounds saves the log's extent. Callers hold s.mu.
func (s *store) writeBounds() error {
	return s.write(logBoundsBlob, logBounds{First: s.first, Last: s.last})
}

func clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte(nil), b...)
}

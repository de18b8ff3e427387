package hashiraft

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sync"

	"github.com/ballot-go/ballot/impl"
)

// Blob names under which a node keeps its state in its impl.Blobs.
const (
	stableBlob     = "hashiraft/stable" // every StableStore key, as JSON
	logBoundsBlob  = "hashiraft/log"    // the log's first and last index, as JSON
	logEntryPrefix = "hashiraft/log/"   // + the index: one entry, as JSON
)

// store is the node's raft.StableStore and raft.LogStore: an in-memory
// copy that answers every read, and the node's Blobs, which every write
// goes through to, so that a restarted node reads what its predecessor
// wrote. It keeps the Storage's HardState in step with the term and vote,
// for ballot. Safe for concurrent use: the library reads the log from its
// replication goroutines while its main goroutine writes.
type store struct {
	mu       sync.Mutex
	storage  impl.Storage
	blobs    impl.Blobs
	attached bool // writes reach blobs; false once detached

	stable      map[string][]byte
	first, last uint64 // 0, 0 for an empty log
	entries     map[uint64]entry
}

// owners maps each Blobs to the store of the incarnation that writes it.
// A crashed node's Stop runs on its own while the node may already be
// restarting; the new incarnation detaches the old one, so that a write
// the old one makes late cannot overwrite the new one's state.
var owners sync.Map

// openStore reads the state kept in s and makes the new store its writer.
func openStore(s impl.Storage) (*store, error) {
	b, ok := s.(impl.Blobs)
	if !ok {
		return nil, fmt.Errorf("hashiraft: storage %T does not implement impl.Blobs (Blob and SetBlob), "+
			"where a node keeps its log, term and vote across restarts; impl.MemStorage does", s)
	}
	st := &store{storage: s, blobs: b, attached: true, stable: map[string][]byte{}, entries: map[uint64]entry{}}
	if err := st.load(); err != nil {
		return nil, err
	}
	if reflect.TypeOf(b).Comparable() {
		if prev, loaded := owners.Swap(b, st); loaded {
			prev.(*store).detach()
		}
	}
	return st, nil
}

// load reads the stable keys and the log from blobs.
func (s *store) load() error {
	if err := readJSON(s.blobs, stableBlob, &s.stable); err != nil {
		return err
	}
	var bounds logBounds
	if err := readJSON(s.blobs, logBoundsBlob, &bounds); err != nil {
		return err
	}
	s.first, s.last = bounds.First, bounds.Last
	for i := s.first; i != 0 && i <= s.last; i++ {
		var e entry
		if err := readJSON(s.blobs, entryBlob(i), &e); err != nil {
			return err
		}
		if e.Index == i {
			s.entries[i] = e
		}
	}
	return nil
}

// detach drops every later write: the node is stopped, and only what it
// wrote until now may reach its next incarnation. It waits for a write in
// progress. The node's RPC handler refuses to answer once detached, so no
// reply leaves a stopped node that its storage does not back.
func (s *store) detach() {
	s.mu.Lock()
	s.attached = false
	s.mu.Unlock()
	if reflect.TypeOf(s.blobs).Comparable() {
		owners.CompareAndDelete(s.blobs, s)
	}
}

// live reports whether the store still writes through.
func (s *store) live() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attached
}

// write saves v as JSON under name, unless the store is detached. Callers
// hold s.mu.
func (s *store) write(name string, v any) error {
	if !s.attached {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("hashiraft: encoding %s: %w", name, err)
	}
	s.blobs.SetBlob(name, b)
	return nil
}

// readJSON decodes the blob called name into v; a missing blob leaves v as is.
func readJSON(b impl.Blobs, name string, v any) error {
	raw := b.Blob(name)
	if len(raw) == 0 {
		return nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("hashiraft: decoding %s: %w", name, err)
	}
	return nil
}

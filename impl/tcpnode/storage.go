package tcpnode

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ballot-go/ballot/impl"
)

// hardStateFile is the name of the hard state in the data directory.
const hardStateFile = "hardstate.json"

// hardStateJSON is the file's format: {"term":3,"vote":0}, -1 for no vote.
// Pointers tell a missing field from a zero one.
type hardStateJSON struct {
	Term *uint64 `json:"term"`
	Vote *int    `json:"vote"`
}

// fileStorage is the impl.Storage of a node: the Machine sets the hard
// state in memory and the loop flushes it to disk before it sends anything
// or shows it on /state. Nobody can observe a state before the flush, so a
// crash before it is the same as a crash before the step that set it;
// flushing once per step, not once per call, is the batching etcd's Ready
// does. Only the loop's goroutine touches it.
type fileStorage struct {
	dir   string
	hs    impl.HardState // what the Machine last set
	saved impl.HardState // what the file holds
}

var _ impl.Storage = (*fileStorage)(nil)

// openStorage creates dir if needed, removes temporary files a crash left
// behind, and reads the hard state: {0, None} when there is none yet.
func openStorage(dir string) (*fileStorage, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("tcpnode: data directory: %w", err)
	}
	removeTemps(dir)
	hs, err := readHardState(filepath.Join(dir, hardStateFile))
	if err != nil {
		return nil, err
	}
	return &fileStorage{dir: dir, hs: hs, saved: hs}, nil
}

func readHardState(path string) (impl.HardState, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return impl.HardState{VotedFor: impl.None}, nil
	}
	if err != nil {
		return impl.HardState{}, fmt.Errorf("tcpnode: reading the hard state: %w", err)
	}
	var j hardStateJSON
	err = json.Unmarshal(b, &j)
	if err == nil && (j.Term == nil || j.Vote == nil || *j.Vote < impl.None) {
		err = errors.New(`want {"term":N,"vote":N}, with vote -1 for none`)
	}
	if err != nil {
		// Starting from term 0 instead would let the node vote twice.
		return impl.HardState{}, fmt.Errorf("tcpnode: %s is not a hard state (%v): repair or remove it", path, err)
	}
	return impl.HardState{Term: *j.Term, VotedFor: *j.Vote}, nil
}

// HardState implements impl.Storage.
func (s *fileStorage) HardState() impl.HardState { return s.hs }

// SetHardState implements impl.Storage; flush makes it durable.
func (s *fileStorage) SetHardState(hs impl.HardState) { s.hs = hs }

// flush writes the hard state if it changed since the last flush.
func (s *fileStorage) flush() error {
	if s.hs == s.saved {
		return nil
	}
	b, err := json.Marshal(hardStateJSON{Term: &s.hs.Term, Vote: &s.hs.VotedFor})
	if err != nil {
		return err
	}
	if err := writeAtomic(s.dir, hardStateFile, append(b, '\n')); err != nil {
		return fmt.Errorf("tcpnode: saving the hard state: %w", err)
	}
	s.saved = s.hs
	return nil
}

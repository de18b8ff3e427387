package hashiraft

import (
	"errors"
	"io"

	"github.com/hashicorp/raft"
)

// discardFSM is a state machine with no state: ballot tests the election,
// and nothing but the library's own no-op and configuration entries is
// ever committed.
type discardFSM struct{}

func (discardFSM) Apply(*raft.Log) any { return nil }

func (discardFSM) Snapshot() (raft.FSMSnapshot, error) { return emptySnapshot{}, nil }

func (discardFSM) Restore(rc io.ReadCloser) error {
	_, err := io.Copy(io.Discard, rc)
	return errors.Join(err, rc.Close())
}

// emptySnapshot is discardFSM's snapshot: nothing to write.
type emptySnapshot struct{}

func (emptySnapshot) Persist(sink raft.SnapshotSink) error { return sink.Close() }

func (emptySnapshot) Release() {}

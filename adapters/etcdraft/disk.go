package etcdraft

import (
	"fmt"
	"slices"

	"github.com/ballot-go/ballot/impl"
	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// A member's durable raft state lives in the framework's Storage as three
// blobs, what the library would keep on disk: the snapshot (its
// membership), the log, and the HardState (term, vote and commit index).
// All three are needed on restart: a member that got back only its term
// and vote would come back with an empty log while the leader still
// believes it holds entries, and the library panics on the first
// heartbeat that names them ("tocommit(1) is out of range [lastIndex(0)]").
const (
	blobSnapshot  = "etcdraft/snapshot"
	blobLog       = "etcdraft/log"
	blobHardState = "etcdraft/hardstate"
)

// disk is a member's durable state: the blobs, the library's view of them
// (a MemoryStorage, which the library reads and never writes), and the
// framework's own HardState, kept in step so that ballot's checkers see
// term and vote across restarts.
type disk struct {
	st    impl.Storage
	blobs impl.Blobs
	mem   *raft.MemoryStorage
	hs    impl.HardState // last written to st
}

// openDisk restores what st holds, writing the initial snapshot first if
// this is the member's first start.
func openDisk(st impl.Storage, peers []int) (*disk, error) {
	blobs, ok := st.(impl.Blobs)
	if !ok {
		return nil, fmt.Errorf("etcdraft: the Storage (%T) lacks impl.Blobs: a member must keep its raft log across restarts, "+
			"not only term and vote; use impl.MemStorage or implement Blob and SetBlob", st)
	}
	d := &disk{st: st, blobs: blobs, mem: raft.NewMemoryStorage(), hs: st.HardState()}
	if blobs.Blob(blobSnapshot) == nil {
		if err := d.bootstrap(peers); err != nil {
			return nil, err
		}
	}
	if err := d.restore(peers); err != nil {
		return nil, err
	}
	return d, nil
}

// bootstrap saves the initial snapshot: the membership, at index 1. That
// is the library's recommended way to start (bootstrap.go: "a Storage that
// has a first index > 1 and which stores the desired ConfState as its
// InitialState"), and etcd's interaction tests start from such a snapshot
// in term 1 with an empty HardState. RawNode.Bootstrap would instead
// append a ConfChange entry per peer, which every member must then apply
// through Ready, and put every member in term 1 before any election; the
// snapshot needs no applying, leaves the term at 0 until the first
// election as in the reference election, and a restart restores it like
// any later snapshot.
func (d *disk) bootstrap(peers []int) error {
	if d.hs != (impl.HardState{VotedFor: impl.None}) {
		return fmt.Errorf("etcdraft: the Storage holds term %d and vote %d but no raft state: it was not written by this adapter", d.hs.Term, d.hs.VotedFor)
	}
	snap := pb.Snapshot{Metadata: pb.SnapshotMetadata{Index: 1, Term: 1, ConfState: pb.ConfState{Voters: voters(peers)}}}
	return d.put(blobSnapshot, &snap)
}

// restore loads the blobs into the MemoryStorage: snapshot, then the log
// after it, then the HardState whose commit index points into that log.
func (d *disk) restore(peers []int) error {
	var snap pb.Snapshot
	if err := snap.Unmarshal(d.blobs.Blob(blobSnapshot)); err != nil {
		return fmt.Errorf("etcdraft: decoding the stored snapshot: %w", err)
	}
	if got, want := snap.Metadata.ConfState.Voters, voters(peers); !slices.Equal(got, want) {
		return fmt.Errorf("etcdraft: the stored membership (raft ids %v) is not Peers (raft ids %v)", got, want)
	}
	if err := d.mem.ApplySnapshot(snap); err != nil {
		return fmt.Errorf("etcdraft: restoring the snapshot: %w", err)
	}
	ents, err := decodeEntries(d.blobs.Blob(blobLog))
	if err != nil {
		return err
	}
	if err := d.mem.Append(ents); err != nil {
		return fmt.Errorf("etcdraft: restoring the log: %w", err)
	}
	if b := d.blobs.Blob(blobHardState); b != nil {
		var hs pb.HardState
		if err := hs.Unmarshal(b); err != nil {
			return fmt.Errorf("etcdraft: decoding the stored HardState: %w", err)
		}
		return d.mem.SetHardState(hs)
	}
	return nil
}

// marshaler is what the library's protobuf types offer.
type marshaler interface{ Marshal() ([]byte, error) }

func (d *disk) put(name string, v marshaler) error {
	b, err := v.Marshal()
	if err != nil {
		return fmt.Errorf("etcdraft: encoding %s: %w", name, err)
	}
	d.blobs.SetBlob(name, b)
	return nil
}

// voters are the raft ids of peers, sorted as the library sorts a ConfState.
func voters(peers []int) []uint64 {
	ids := make([]uint64, len(peers))
	for i, p := range peers {
		ids[i] = raftID(p)
	}
	slices.Sort(ids)
	return ids
}

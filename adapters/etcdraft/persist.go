package etcdraft

import (
	"fmt"

	"github.com/ballot-go/ballot/impl"
	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// save makes one Ready durable: the snapshot first (applying one replaces
// the log), then the entries, then the HardState, whose commit index may
// point at them. The caller sends the Ready's messages only after save
// returns: a vote or an append acknowledgement must never be ahead of what
// survives a crash (doc.go: "no messages be sent until the latest
// HardState has been persisted"). No snapshot arrives in practice, since
// every member starts from the same one and none compacts its log, but
// one that did would be kept like the first.
func (d *disk) save(rd raft.Ready) error {
	snapshot := !raft.IsEmptySnap(rd.Snapshot)
	if snapshot {
		if err := d.mem.ApplySnapshot(rd.Snapshot); err != nil {
			return fmt.Errorf("etcdraft: applying a snapshot at index %d: %w", rd.Snapshot.Metadata.Index, err)
		}
		snap := rd.Snapshot // a copy, so that rd does not escape
		if err := d.put(blobSnapshot, &snap); err != nil {
			return err
		}
	}
	if snapshot || len(rd.Entries) > 0 {
		if err := d.mem.Append(rd.Entries); err != nil {
			return fmt.Errorf("etcdraft: appending entries: %w", err)
		}
		if err := d.saveLog(); err != nil {
			return err
		}
	}
	if !raft.IsEmptyHardState(rd.HardState) {
		if err := d.mem.SetHardState(rd.HardState); err != nil {
			return err
		}
		hs := rd.HardState // a copy, so that rd does not escape
		if err := d.put(blobHardState, &hs); err != nil {
			return err
		}
		d.saveHardState(rd.HardState)
	}
	return nil
}

// saveLog writes the whole log after the snapshot, not just the new
// entries: an election-only cluster's log grows by one empty entry per
// term, so rewriting it is cheap, and a follower whose tail a new leader
// overwrites needs no separate truncation record.
func (d *disk) saveLog() error {
	first, _ := d.mem.FirstIndex()
	last, _ := d.mem.LastIndex()
	var ents []pb.Entry
	if last >= first {
		var err error
		if ents, err = d.mem.Entries(first, last+1, noLimit); err != nil {
			return fmt.Errorf("etcdraft: reading the log back: %w", err)
		}
	}
	b, err := encodeEntries(ents)
	if err != nil {
		return err
	}
	d.blobs.SetBlob(blobLog, b)
	return nil
}

// saveHardState keeps the framework's HardState in step with the
// library's, which ballot's checkers read across restarts.
func (d *disk) saveHardState(hs pb.HardState) {
	mine := impl.HardState{Term: hs.Term, VotedFor: nodeID(hs.Vote)}
	if mine != d.hs {
		d.st.SetHardState(mine)
		d.hs = mine
	}
}

const noLimit = ^uint64(0)

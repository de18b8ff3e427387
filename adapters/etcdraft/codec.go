package etcdraft

import (
	"encoding/binary"
	"errors"
	"fmt"

	pb "go.etcd.io/raft/v3/raftpb"
)

// A log is kept in one blob as its entries in the library's own protobuf
// encoding, each behind its length as a uvarint.

func encodeEntries(ents []pb.Entry) ([]byte, error) {
	var b []byte
	for i := range ents {
		data, err := ents[i].Marshal()
		if err != nil {
			return nil, fmt.Errorf("etcdraft: encoding entry %d: %w", ents[i].Index, err)
		}
		b = binary.AppendUvarint(b, uint64(len(data)))
		b = append(b, data...)
	}
	return b, nil
}

func decodeEntries(b []byte) ([]pb.Entry, error) {
	var ents []pb.Entry
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return nil, errors.New("etcdraft: stored log is truncated")
		}
		var e pb.Entry
		if err := e.Unmarshal(b[k : k+int(n)]); err != nil {
			return nil, fmt.Errorf("etcdraft: decoding stored entry %d: %w", len(ents), err)
		}
		ents = append(ents, e)
		b = b[k+int(n):]
	}
	return ents, nil
}

package etcdraft

import (
	"testing"

	pb "go.etcd.io/raft/v3/raftpb"
)

// TestLogCodec round-trips a log, and refuses a damaged one with an error
// rather than a panic.
func TestLogCodec(t *testing.T) {
	ents := []pb.Entry{{Term: 1, Index: 2}, {Term: 3, Index: 3, Data: []byte("x")}, {Term: 3, Index: 4, Type: pb.EntryConfChange}}
	b, err := encodeEntries(ents)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeEntries(b)
	if err != nil || len(got) != len(ents) {
		t.Fatalf("decoded %v (%v), want %v", got, err, ents)
	}
	for i, e := range got {
		if w := ents[i]; e.Term != w.Term || e.Index != w.Index || e.Type != w.Type || string(e.Data) != string(w.Data) {
			t.Errorf("entry %d decoded as %v, want %v", i, e, w)
		}
	}
	if got, err := decodeEntries(nil); err != nil || len(got) != 0 {
		t.Errorf("empty log decoded as %v (%v)", got, err)
	}
	damaged := map[string][]byte{
		"cut inside the last entry": b[:len(b)-1],
		"length beyond the end":     {0x7f, 1, 2},
		"length overflows":          {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},
		"not an entry":              {2, 0xff, 0xff},
	}
	for name, b := range damaged {
		if got, err := decodeEntries(b); err == nil {
			t.Errorf("%s: decoded as %v", name, got)
		}
	}
}

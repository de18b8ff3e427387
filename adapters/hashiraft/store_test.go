package hashiraft

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/raft"

	"github.com/ballot-go/ballot/impl"
)

func mustOpen(t *testing.T, s impl.Storage) *store {
	t.Helper()
	st, err := openStore(s)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func mustDo(t *testing.T, errs ...error) {
	t.Helper()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
}

// Raft §5.1, Figure 2: currentTerm, votedFor and the log survive a
// restart. A store opened on the same Storage reads what the last wrote,
// and ballot's HardState holds the term and the vote cast in it.
func TestStoreKeepsTermVoteAndLog(t *testing.T) {
	ms := impl.NewMemStorage()
	st := mustOpen(t, ms)
	logs := []*raft.Log{
		{Index: 1, Term: 1, Type: raft.LogConfiguration, Data: []byte("conf")},
		{Index: 2, Term: 3, Type: raft.LogNoop, AppendedAt: time.Unix(0, 946684801000000000)},
	}
	mustDo(t, st.SetUint64([]byte(keyCurrentTerm), 3), st.SetUint64([]byte(keyLastVoteTerm), 3),
		st.Set([]byte(keyLastVoteCand), []byte(serverAddress(2))), st.StoreLogs(logs))
	st.detach()

	again := mustOpen(t, ms)
	if term, _ := again.GetUint64([]byte(keyCurrentTerm)); term != 3 {
		t.Errorf("CurrentTerm %d after a restart, want 3", term)
	}
	if cand, _ := again.Get([]byte(keyLastVoteCand)); string(cand) != string(serverAddress(2)) {
		t.Errorf("LastVoteCand %q after a restart, want %q", cand, serverAddress(2))
	}
	first, _ := again.FirstIndex()
	last, _ := again.LastIndex()
	if first != 1 || last != 2 {
		t.Errorf("log [%d, %d] after a restart, want [1, 2]", first, last)
	}
	for _, want := range logs {
		var got raft.Log
		if err := again.GetLog(want.Index, &got); err != nil || !reflect.DeepEqual(&got, want) {
			t.Errorf("entry %d after a restart: %+v (%v), want %+v", want.Index, got, err, want)
		}
	}
	if hs := ms.HardState(); hs != (impl.HardState{Term: 3, VotedFor: 2}) {
		t.Errorf("HardState %+v, want term 3, vote for 2", hs)
	}
}

// A vote is two writes (LastVoteTerm, then LastVoteCand). Cut between
// them, the node must come back with its previous vote whole, not with the
// new term paired with the previous candidate.
func TestVoteIsWrittenWhole(t *testing.T) {
	ms := impl.NewMemStorage()
	st := mustOpen(t, ms)
	mustDo(t, st.SetUint64([]byte(keyCurrentTerm), 4), st.SetUint64([]byte(keyLastVoteTerm), 4),
		st.Set([]byte(keyLastVoteCand), []byte(serverAddress(1))))
	mustDo(t, st.SetUint64([]byte(keyCurrentTerm), 5), st.SetUint64([]byte(keyLastVoteTerm), 5))
	if hs := ms.HardState(); hs != (impl.HardState{Term: 5, VotedFor: impl.None}) {
		t.Errorf("HardState %+v halfway through a vote, want term 5 and no vote", hs)
	}
	st.detach() // the crash: LastVoteCand for term 5 never written

	again := mustOpen(t, ms)
	voteTerm, _ := again.GetUint64([]byte(keyLastVoteTerm))
	cand, _ := again.Get([]byte(keyLastVoteCand))
	if voteTerm != 4 || string(cand) != string(serverAddress(1)) {
		t.Errorf("vote (%d, %q) after the crash, want the whole previous vote (4, %q)", voteTerm, cand, serverAddress(1))
	}
}

// A stopped node's late writes must not reach its successor: detaching
// drops them, and a new store on the same storage detaches the old one.
func TestDetachedStoreWritesNothing(t *testing.T) {
	ms := impl.NewMemStorage()
	old := mustOpen(t, ms)
	mustDo(t, old.SetUint64([]byte(keyCurrentTerm), 2))
	successor := mustOpen(t, ms)
	if old.live() {
		t.Fatal("the old store still writes after a successor opened the storage")
	}
	mustDo(t, old.SetUint64([]byte(keyCurrentTerm), 9), old.StoreLog(&raft.Log{Index: 1, Term: 9}))
	if hs := ms.HardState(); hs.Term != 2 {
		t.Errorf("HardState term %d after the old store's late write, want 2", hs.Term)
	}
	mustDo(t, successor.SetUint64([]byte(keyCurrentTerm), 3))
	successor.detach()
	last := mustOpen(t, ms)
	if term, _ := last.GetUint64([]byte(keyCurrentTerm)); term != 3 {
		t.Errorf("term %d, want the successor's 3", term)
	}
	if n, _ := last.LastIndex(); n != 0 {
		t.Errorf("log ends at %d, want empty: the old store's entry came after it stopped", n)
	}
}

// The library cuts a conflicting suffix and compacts a prefix.
func TestDeleteRange(t *testing.T) {
	cases := []struct {
		lo, hi      uint64
		first, last uint64
	}{
		{4, 5, 1, 3},  // a suffix
		{1, 2, 3, 5},  // a prefix
		{1, 5, 0, 0},  // everything
		{3, 3, 1, 5},  // a gap in the middle
		{6, 9, 1, 5},  // past the end
		{0, 99, 0, 0}, // more than everything
	}
	for _, tc := range cases {
		ms := impl.NewMemStorage()
		st := mustOpen(t, ms)
		for i := uint64(1); i <= 5; i++ {
			mustDo(t, st.StoreLog(&raft.Log{Index: i, Term: 1}))
		}
		mustDo(t, st.DeleteRange(tc.lo, tc.hi))
		st.detach()
		again := mustOpen(t, ms)
		first, _ := again.FirstIndex()
		last, _ := again.LastIndex()
		if first != tc.first || last != tc.last {
			t.Errorf("DeleteRange(%d, %d): log [%d, %d] after a restart, want [%d, %d]", tc.lo, tc.hi, first, last, tc.first, tc.last)
		}
		for i := uint64(1); i <= 5; i++ {
			var l raft.Log
			err := again.GetLog(i, &l)
			if deleted := i >= tc.lo && i <= tc.hi; deleted != (err != nil) {
				t.Errorf("DeleteRange(%d, %d): entry %d after a restart: %v", tc.lo, tc.hi, i, err)
			}
		}
	}
}

// storageOnly is a Storage without Blobs.
type storageOnly struct{ impl.Storage }

func TestStorageWithoutBlobsIsRefused(t *testing.T) {
	factory, err := DefaultConfig().Factory()
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = factory(impl.Env{ID: 0, Peers: []int{0}, Transport: nowhere{}, Storage: storageOnly{impl.NewMemStorage()}})
	if err == nil || !strings.Contains(err.Error(), "impl.Blobs") {
		t.Errorf("a Storage without Blobs: error %v, want one that names impl.Blobs", err)
	}
}

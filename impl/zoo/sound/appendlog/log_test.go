package appendlog

import (
	"slices"
	"testing"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/labrpc"
)

// newPeer builds peer me of an n-peer cluster on s, with no goroutine
// running and ClientEnds that always fail: tests call the methods.
func newPeer(t *testing.T, me, n int, s impl.Storage) *Raft {
	t.Helper()
	ps, err := labrpc.NewPersister(s)
	if err != nil {
		t.Fatal(err)
	}
	rf := &Raft{
		peers: make([]*labrpc.ClientEnd, n), persister: ps, me: me, votedFor: -1,
		log: []Entry{{Term: 0}}, nextIndex: make([]int, n), matchIndex: make([]int, n),
		done: make(chan struct{}), heard: make(chan struct{}, 1),
		elected: make(chan struct{}, 1), committed: make(chan struct{}, 1),
	}
	rf.readPersist(ps.ReadRaftState())
	return rf
}

// withTerms gives rf a log of entries of the given terms after the
// sentinel, each entry's command its own index.
func withTerms(rf *Raft, terms ...int) {
	rf.log = []Entry{{Term: 0}}
	for i, term := range terms {
		rf.log = append(rf.log, Entry{Term: term, Command: i + 1})
	}
	rf.currentTerm = max(rf.currentTerm, rf.lastTerm())
}

func termsOf(rf *Raft) []int {
	var terms []int
	for _, e := range rf.log[1:] {
		terms = append(terms, e.Term)
	}
	return terms
}

// A late or duplicated AppendEntries that carries a prefix of what the log
// already holds leaves the log alone: cutting it would lose entries a
// newer call added.
func TestMergeKeepsEntriesThatAgree(t *testing.T) {
	rf := newPeer(t, 0, 3, impl.NewMemStorage())
	withTerms(rf, 1, 1, 2)
	if rf.merge(1, []Entry{{Term: 1}}) {
		t.Fatal("merge reported a change for entries the log already holds")
	}
	if got := termsOf(rf); !slices.Equal(got, []int{1, 1, 2}) {
		t.Fatalf("log terms %v; want [1 1 2]", got)
	}
}

func TestMergeReplacesFromTheFirstConflict(t *testing.T) {
	rf := newPeer(t, 0, 3, impl.NewMemStorage())
	withTerms(rf, 1, 1, 2, 2)
	if !rf.merge(1, []Entry{{Term: 1}, {Term: 3}}) {
		t.Fatal("merge reported no change")
	}
	if got := termsOf(rf); !slices.Equal(got, []int{1, 1, 3}) {
		t.Fatalf("log terms %v; want [1 1 3]", got)
	}
}

func TestUpToDate(t *testing.T) {
	rf := newPeer(t, 0, 3, impl.NewMemStorage())
	withTerms(rf, 1, 2, 2)
	for _, c := range []struct {
		lastIndex, lastTerm int
		want                bool
	}{
		{3, 2, true},  // the same log end
		{4, 2, true},  // longer, same last term
		{2, 2, false}, // shorter, same last term
		{9, 1, false}, // longer, but an older last term
		{1, 3, true},  // shorter, but a later last term
	} {
		if got := rf.upToDate(c.lastIndex, c.lastTerm); got != c.want {
			t.Errorf("upToDate(%d, %d) = %t; want %t", c.lastIndex, c.lastTerm, got, c.want)
		}
	}
}

func TestLogSurvivesRestart(t *testing.T) {
	s := impl.NewMemStorage()
	rf := newPeer(t, 0, 3, s)
	withTerms(rf, 1, 2)
	rf.votedFor = 2
	rf.persist()
	again := newPeer(t, 0, 3, s)
	if again.currentTerm != 2 || again.votedFor != 2 || !slices.Equal(again.log, rf.log) {
		t.Fatalf("restored term %d vote %d log %v; want 2, 2, %v", again.currentTerm, again.votedFor, again.log, rf.log)
	}
}

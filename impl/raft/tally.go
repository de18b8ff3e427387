package raft

// tally counts distinct peers, by position in Peers: granted votes for a
// candidate, peers heard from for a CheckQuorum leader. A slice, not a map,
// because a leader touches it on every message it receives.
type tally struct {
	seen  []bool
	count int
}

func newTally(n int) tally { return tally{seen: make([]bool, n)} }

// reset forgets everyone but self, who always agrees with itself.
func (t *tally) reset(self int) {
	clear(t.seen)
	t.count = 0
	t.add(self)
}

// add counts peer i once, however often it answers: the network duplicates.
func (t *tally) add(i int) {
	if !t.seen[i] {
		t.seen[i] = true
		t.count++
	}
}

// quorum reports whether a majority of the whole cluster has been counted.
func (t *tally) quorum() bool { return t.count > len(t.seen)/2 }

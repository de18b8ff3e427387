package checker_test

import (
	"testing"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
)

// A node grants at most one vote per term, seen on the wire or observed,
// and the vote survives a crash.
func TestVoteOnce(t *testing.T) {
	checkFixtures(t, checker.VoteOnce{}, "vote-once", map[string]fixture{
		"good-one-vote-per-term": {
			build: func() checker.History {
				b := hist.New(3).Note("node 2 votes for 0 in term 1 (its reply resent once) and for 1 in term 2")
				elect(b.At(ms(300)), 0, 1, 1, 2)
				b.Vote(2, 0, 1, true) // a retransmitted reply is the same vote
				elect(b.At(ms(1000)), 1, 2, 2)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-two-grants-on-wire": {
			build: func() checker.History {
				b := hist.New(3).Note("node 2 grants its term-3 vote to node 0, then to node 1")
				b.At(ms(300)).Vote(2, 0, 3, true)
				b.At(ms(320)).Vote(2, 1, 3, true)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{2, 0, 1},
				terms:   []uint64{3},
				at:      ms(320),
				summary: []string{"node 2 voted twice in term 3"},
			},
		},
		"bad-vote-forgotten-after-restart": {
			build: func() checker.History {
				b := hist.New(3).Note("node 1 votes for 0 in term 2, crashes, restarts without its vote and votes for 2")
				b.At(ms(300)).Follower(1, 2, -1, 0)
				b.At(ms(400)).Crash(1).Down(1, 2, 0)
				b.At(ms(500)).Restart(1).Follower(1, 2, -1, -1)
				b.At(ms(600)).Follower(1, 2, -1, 2)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{1, 0, 2},
				terms:   []uint64{2},
				at:      ms(600),
				window:  []probe{{at: ms(300), typ: checker.Observe, node: 1}},
			},
		},
	})
}

// A node's term never goes back, restarts included.
func TestTermMonotonic(t *testing.T) {
	checkFixtures(t, checker.TermMonotonic{}, "term-monotonic", map[string]fixture{
		"good-terms-survive-restart": {
			build: func() checker.History {
				b := hist.New(3).Note("node 1 goes from term 1 to 3, crashes (down in term 3), restarts in term 3, moves to 4")
				b.At(ms(100)).Follower(1, 1, 0, 0)
				b.At(ms(200)).Follower(1, 3, -1, -1)
				b.At(ms(300)).Crash(1).Down(1, 3, -1)
				b.At(ms(400)).Restart(1).Follower(1, 3, -1, -1)
				b.At(ms(500)).Candidate(1, 4)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-term-lost-on-restart": {
			build: func() checker.History {
				b := hist.New(3).Note("node 1 in term 3 crashes and comes back in term 0: it did not persist its term")
				b.At(ms(200)).Follower(1, 3, 0, 0)
				b.At(ms(300)).Crash(1).Down(1, 3, 0)
				b.At(ms(400)).Restart(1).Follower(1, 0, -1, -1)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{1},
				terms:   []uint64{3, 0},
				at:      ms(400),
				summary: []string{"node 1 went back from term 3", "to term 0"},
			},
		},
	})
}

package checker_test

import (
	"testing"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
	"github.com/ballot-go/ballot/impl"
)

// A leader must hold granted votes from a majority, itself included,
// delivered before it is first seen leading.
func TestLeaderHasQuorum(t *testing.T) {
	checkFixtures(t, checker.LeaderHasQuorum{}, "leader-has-quorum", map[string]fixture{
		"good-majority-granted": {
			build: func() checker.History {
				b := hist.New(5).Note("node 1 wins term 2 with votes from 2 and 3 and its own: 3 of 5")
				elect(b.At(ms(300)), 1, 2, 2, 3)
				beat(b, 1, 2, ms(1000), 0, 2, 3, 4)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-single-node": {
			build: func() checker.History {
				b := hist.New(1).Note("a single node elects itself; no message is ever sent")
				b.At(ms(300)).Candidate(0, 1).Leader(0, 1)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-votes-that-do-not-count": {
			build: func() checker.History {
				b := hist.New(5).Note("node 3 leads term 2 with one real vote (node 4); node 0 refused, " +
					"node 1 granted only a pre-vote, node 2 granted a vote for term 1")
				b.At(ms(300)).Candidate(3, 2)
				b.Vote(4, 3, 2, true)
				b.Vote(0, 3, 2, false)
				b.Wire(impl.Message{From: 1, To: 3, Term: 2, Kind: impl.KindPreVoteReply, Granted: true})
				b.Vote(2, 3, 1, true)
				b.At(ms(310)).Leader(3, 2)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{3, 4},
				terms:   []uint64{2},
				summary: []string{"node 3 observed as leader for term 2", "only {3, 4}", "majority of 5 needs 3"},
			},
		},
		"bad-votes-after-heartbeat": {
			build: func() checker.History {
				b := hist.New(3).Note("node 0 sends a term-2 heartbeat before any vote for it arrives")
				b.At(ms(300)).Candidate(0, 2)
				b.Heartbeat(0, 1, 2)
				b.Vote(1, 0, 2, true)
				b.At(ms(310)).Leader(0, 2)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{0},
				terms:   []uint64{2},
				at:      ms(300),
				summary: []string{"node 0 sent a heartbeat for term 2", "only {0}"},
			},
		},
		"bad-duplicated-vote": {
			build: func() checker.History {
				b := hist.New(5).Note("node 2's vote for node 1 is delivered twice; it still counts once: 2 of 5")
				b.At(ms(300)).Candidate(1, 4)
				m := impl.Message{From: 2, To: 1, Term: 4, Kind: impl.KindVoteReply, Granted: true}
				b.Send(m).Deliver(m).After(ms(1)).Deliver(m)
				b.At(ms(310)).Leader(1, 4)
				return b.History()
			},
			want: want{outcome: checker.Violated, nodes: []int{1, 2}, terms: []uint64{4}},
		},
		"unknown-no-wire-record": {
			build: func() checker.History {
				b := hist.New(3).Note("observations only: wire recording was off")
				b.At(ms(300)).Candidate(0, 1).Leader(0, 1)
				return b.History()
			},
			want: want{outcome: checker.Unknown, reason: "no wire record"},
		},
	})
}

package checker_test

import (
	"testing"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
)

// At most one leader per term, whether seen in observations or inferred
// from heartbeats on the wire.
func TestElectionSafety(t *testing.T) {
	checkFixtures(t, checker.ElectionSafety{}, "election-safety", map[string]fixture{
		"good-one-leader-per-term": {
			build: func() checker.History {
				b := hist.New(3).Note("node 0 leads term 1; cut off, it is replaced by node 1 in term 2; healed, it follows")
				elect(b.At(ms(300)), 0, 1, 1, 2)
				beat(b, 0, 1, ms(1000), 1, 2)
				b.Isolate(0)
				beat(b, 0, 1, ms(1500), 1, 2) // a stale leader may still send: term 1 is still its own
				b.Follower(0, 1, -1, 0)
				elect(b.At(ms(1800)), 1, 2, 2)
				beat(b, 1, 2, ms(2500), 2)
				b.Heal()
				beat(b, 1, 2, ms(3000), 0, 2)
				b.Follower(0, 2, 1, -1)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-leader-reelected": {
			build: func() checker.History {
				b := hist.New(3).Note("node 0 leads term 1 and, after an election, term 2 as well")
				elect(b.At(ms(300)), 0, 1, 1, 2)
				beat(b, 0, 1, ms(800), 1, 2)
				elect(b, 0, 2, 1, 2)
				beat(b, 0, 2, ms(1500), 1, 2)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-two-leaders-observed": {
			build: func() checker.History {
				b := hist.New(5).Note("a partition {0,1} | {2,3,4}, and both sides elect a leader for term 2")
				elect(b.At(ms(300)), 0, 1, 1, 2)
				b.At(ms(1000)).Partition([]int{0, 1}, []int{2, 3, 4})
				elect(b.At(ms(1500)), 0, 2, 1)
				elect(b.At(ms(1600)), 2, 2, 3, 4)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{0, 2},
				terms:   []uint64{2},
				summary: []string{"two leaders in term 2", "node 0 observed as leader", "node 2 observed as leader"},
			},
		},
		"bad-heartbeat-of-second-leader": {
			build: func() checker.History {
				b := hist.New(3).Note("node 1 leads term 3; much later node 2 sends a term-3 heartbeat, never observed as leader")
				elect(b.At(ms(300)), 1, 3, 0, 2)
				beat(b, 1, 3, ms(2900), 0, 2) // dozens of events between the two claims
				b.At(ms(3000)).Heartbeat(2, 0, 3)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{1, 2},
				terms:   []uint64{3},
				summary: []string{"node 2 sent a heartbeat"},
				window: []probe{
					{at: ms(310), typ: checker.Observe, node: 1}, // the first claim, far back
					{at: ms(3000), typ: checker.Send, node: 2},
				},
			},
		},
		"good-empty": {
			build: func() checker.History { return checker.History{} },
			want:  want{outcome: checker.Ok},
		},
	})
}

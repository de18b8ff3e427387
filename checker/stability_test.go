package checker_test

import (
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
	"github.com/ballot-go/ballot/impl"
)

// steady3 records a 3-node cluster that elects node 0 in term 1 at 300ms
// and settles by 460ms: every node follows node 0 in term 1.
func steady3(note string) *hist.Builder {
	b := hist.New(3).Note(note)
	for n := range 3 {
		b.Follower(n, 0, impl.None, impl.None)
	}
	elect(b.At(ms(300)), 0, 1, 1, 2)
	beat(b, 0, 1, ms(460), 1, 2)
	followAll(b, 0, 1, 1, 2) // the first heartbeat names the leader
	return b
}

// A healthy cluster with a settled leader must not change terms.
func TestStability(t *testing.T) {
	checkFixtures(t, checker.Stability{}, "stability", map[string]fixture{
		"good-steady": {
			build: func() checker.History {
				b := steady3("node 0 leads term 1 and nothing happens for 5s")
				beat(b, 0, 1, ms(5000), 1, 2)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-churn-after-fault": {
			build: func() checker.History {
				b := steady3("steady in term 1; leader 0 is cut off at 2s and node 1 takes over in term 2: a failure, not churn")
				beat(b, 0, 1, ms(2000), 1, 2)
				b.Isolate(0)
				elect(b.At(ms(2500)), 1, 2, 2)
				beat(b, 1, 2, ms(4000), 2)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-prevote-in-steady-state": {
			build: func() checker.History {
				b := steady3("steady in term 1; node 2 runs a pre-vote for term 2, which is refused: the term does not change")
				beat(b, 0, 1, ms(2000), 1, 2)
				b.Wire(impl.Message{From: 2, To: 1, Term: 2, Kind: impl.KindPreVoteRequest})
				b.Wire(impl.Message{From: 1, To: 2, Term: 2, Kind: impl.KindPreVoteReply})
				beat(b, 0, 1, ms(3000), 1, 2)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-leader-unknown-to-follower": {
			build: func() checker.History {
				b := hist.New(3).Note("node 0 leads term 1 but node 2 never learns it, so the cluster is not " +
					"steady and node 2's election in term 2 is not churn (unless AllowUnknownLeader)")
				elect(b.At(ms(300)), 0, 1, 1, 2)
				b.Follower(1, 1, 0, 0)
				beat(b, 0, 1, ms(460), 1, 2)
				b.At(ms(2000)).Candidate(2, 2)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-campaign-right-after-heal": {
			build: func() checker.History {
				b := steady3("steady in term 1; from 1s node 2 hears nothing from leader 0 but still names it; " +
					"the cut heals at 2s and node 2's starved timer fires at 2.05s, before 0's next heartbeat: a fault's aftermath, not churn")
				beat(b, 0, 1, ms(1000), 1, 2)
				b.CutOneWay([]int{0}, []int{2})
				beat(b, 0, 1, ms(2000), 1, 2)
				b.Heal()
				b.At(ms(2050)).Candidate(2, 2)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-same-instant-tie-after-heal": {
			build: func() checker.History {
				b := steady3("node 2 is cut off from leader 0 from 1s to 2s; 50ms after the heal the leader's first heartbeat reaches node 2 " +
					"at the very instant node 2's starved election timer fires: the scheduler broke the tie, the fault set it up")
				beat(b, 0, 1, ms(1000), 1, 2)
				b.CutOneWay([]int{0}, []int{2})
				beat(b, 0, 1, ms(2000), 1)
				b.Heal()
				tieAfterHeal(b, 0)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-campaign-after-heal-settled": {
			build: func() checker.History {
				b := steady3("as in the same-instant tie, but node 2 campaigns 50ms after the leader's heartbeat reached it: " +
					"it had heard its leader, so that is churn")
				beat(b, 0, 1, ms(1000), 1, 2)
				b.CutOneWay([]int{0}, []int{2})
				beat(b, 0, 1, ms(2000), 1)
				b.Heal()
				tieAfterHeal(b, 50*time.Millisecond)
				return b.History()
			},
			want: want{outcome: checker.Violated, nodes: []int{2, 0}, terms: []uint64{1, 2}, summary: []string{"node 2 sent a vote-request for term 2"}},
		},
		"good-campaign-on-wire-before-status": {
			build: func() checker.History {
				b := hist.New(3).Note("statuses agree on term 1 under leader 0 at 460ms, but node 2 had already sent a " +
					"vote request for term 2 just before: its polled status lagged, so the cluster was never steady")
				for n := range 3 {
					b.Follower(n, 0, impl.None, impl.None)
				}
				elect(b.At(ms(300)), 0, 1, 1, 2)
				beat(b, 0, 1, ms(460), 1, 2)
				b.RequestVote(2, 1, 2)
				followAll(b, 0, 1, 1, 2)
				b.At(ms(470)).Candidate(2, 2)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-churn-observed": {
			build: func() checker.History {
				b := steady3("steady in term 1 from 460ms; at 3s node 2 becomes a candidate for term 2 with no fault")
				beat(b, 0, 1, ms(3000), 1, 2)
				b.Candidate(2, 2)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{2, 0},
				terms:   []uint64{1, 2},
				summary: []string{"term churn without failures", "steady in term 1 under leader 0", "node 2 was observed in term 2"},
				window:  []probe{{at: ms(460), typ: checker.Observe, node: 2}}, // the moment it became steady
			},
		},
		"bad-churn-on-wire": {
			build: func() checker.History {
				b := steady3("steady in term 1; at 3s node 1 sends a vote request for term 2, never observed as candidate")
				beat(b, 0, 1, ms(3000), 1, 2)
				b.RequestVote(1, 2, 2)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{1, 0},
				terms:   []uint64{1, 2},
				summary: []string{"node 1 sent a vote-request for term 2"},
			},
		},
		"unknown-no-node-count": {
			build: func() checker.History {
				b := hist.New(0).Note("the history does not say how many nodes there are")
				b.At(ms(300)).Leader(0, 1)
				return b.History()
			},
			want: want{outcome: checker.Unknown, reason: "how many nodes"},
		},
	})
}

// Goroutine nodes do not name their leader; AllowUnknownLeader lets their
// clusters be steady, and then an election without a fault is churn.
func TestStabilityAllowUnknownLeader(t *testing.T) {
	h, err := checker.LoadHistory("testdata/stability/good-leader-unknown-to-follower.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	expect(t, checker.Stability{AllowUnknownLeader: true}.Check(h), want{
		outcome: checker.Violated, nodes: []int{2, 0}, terms: []uint64{1, 2},
	})
}

// tieAfterHeal has leader 0 of term 1 heartbeat nodes 1 and 2 50ms from
// now, and node 2 ask node 0 for its vote in term 2 lag after the heartbeat
// reached it.
func tieAfterHeal(b *hist.Builder, lag time.Duration) {
	b.After(50*time.Millisecond).Heartbeat(0, 1, 1)
	hb := impl.Message{From: 0, To: 2, Term: 1, Kind: impl.KindHeartbeat}
	b.Send(hb).After(hist.Step).Deliver(hb)
	b.After(lag).Send(impl.Message{From: 2, To: 0, Term: 2, Kind: impl.KindVoteRequest})
	b.After(10*time.Millisecond).Candidate(2, 2)
}

package checker_test

import (
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
	"github.com/ballot-go/ballot/impl"
)

// Once the leader is lost while a majority can still talk, that majority
// must elect a new leader within ReElection.Within (5s by default).
func TestReElection(t *testing.T) {
	others := []int{0, 1, 3, 4}
	checkFixtures(t, checker.ReElection{}, "re-election", map[string]fixture{
		"good-isolated-leader-replaced": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 2 is cut off at 1.2s; node 0 is elected in term 4 at 2s")
				node2LeadsTerm3(b)
				b.At(ms(1200)).Isolate(2)
				elect(b.At(ms(2000)), 0, 4, 1, 3, 4)
				beat(b, 0, 4, ms(7000), 1, 3, 4)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-leader-panics-and-is-replaced": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 2 panics at 1.2s and the network treats it as crashed; node 0 is elected in term 4 at 2s")
				node2LeadsTerm3(b)
				b.At(ms(1200)).PanicCrash(2, 3, "in Tick: index out of range")
				elect(b.At(ms(2000)), 0, 4, 1, 3, 4)
				beat(b, 0, 4, ms(7000), 1, 3, 4)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-leader-returns": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 2 is cut off at 1.2s and back at 3s, still leading: nothing is owed")
				elect(b.At(ms(300)), 2, 3, others...)
				b.At(ms(1200)).Isolate(2)
				beat(b, 2, 3, ms(3000), others...)
				b.Heal()
				beat(b, 2, 3, ms(8000), others...)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-no-majority-no-clock": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 4 is cut off at 1s in a three-way split with no majority; " +
					"it steps down; the clock only starts at the heal at 10s, and node 0 is elected at 11s")
				elect(b.At(ms(300)), 4, 1, 0, 1, 2, 3)
				b.At(ms(1000)).Partition([]int{0, 1}, []int{2, 3}, []int{4})
				b.At(ms(1500)).Follower(4, 1, -1, 4)
				for i, c := range []int{0, 2, 1, 3} {
					campaign(b.At(ms(2000*(i+1))), c, uint64(2+i), 0, 1, 2, 3, 4)
				}
				b.At(ms(10000)).Heal()
				elect(b.At(ms(11000)), 0, 6, 1, 2, 3)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-leader-restarts-and-wins": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 2 crashes at 1s, restarts at 2s and wins term 4 at 3s")
				elect(b.At(ms(300)), 2, 3, others...)
				b.At(ms(1000)).Down(2, 3, 2).Crash(2) // the observation may come before the topology
				b.At(ms(2000)).Restart(2).Follower(2, 3, -1, 2)
				elect(b.At(ms(3000)), 2, 4, others...)
				beat(b, 2, 4, ms(8000), others...)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-deadline-after-end": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 2 is cut off at 1s; the history ends at 5.5s, before the 6s deadline")
				elect(b.At(ms(300)), 2, 3, others...)
				b.At(ms(1000)).Isolate(2)
				campaign(b.At(ms(3000)), 0, 4, 1, 3, 4)
				campaign(b.At(ms(5500)), 1, 5, 0, 3, 4)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-leader-deaf-but-heard": {
			build: func() checker.History {
				b := hist.New(5).Note("at 1.2s nothing reaches leader 2 any more, but its heartbeats still reach everyone: " +
					"its followers keep following and no election is owed")
				node2LeadsTerm3(b)
				b.At(ms(1200)).CutOneWay(others, []int{2})
				beat(b, 2, 3, ms(9000), others...)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-lossy-majority-no-clock": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 2 is cut off at 1.2s while a drop rule degrades every other link: " +
					"an election over lossy links may take any time, so the clock waits for the heal at 9s; node 0 wins at 10s")
				elect(b.At(ms(300)), 2, 3, others...)
				b.At(ms(1200)).Isolate(2)
				b.Degrade(others...)
				campaign(b.At(ms(3000)), 0, 4, 1, 3, 4)
				b.At(ms(9000)).Heal()
				elect(b.At(ms(10000)), 0, 5, 1, 3, 4)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-elected-during-lossy-spell": {
			build: func() checker.History {
				b := hist.New(5).Note("a drop rule degrades every link at 1.2s, so leader 2 no longer reliably reaches anyone; " +
					"node 0 wins term 4 at 2s over the lossy links; the rule is lifted at 4s and node 0 still leads: met")
				elect(b.At(ms(300)), 2, 3, others...)
				b.At(ms(1200)).Degrade(0, 1, 2, 3, 4)
				elect(b.At(ms(2000)), 0, 4, 1, 3, 4)
				b.At(ms(4000)).Heal()
				beat(b, 0, 4, ms(10000), 1, 2, 3, 4)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-leader-mute": {
			build: func() checker.History {
				b := hist.New(5).Note("at 1.2s leader 2's messages stop reaching anyone, though it still hears them all; " +
					"the other four must elect a new leader by 6.2s and never do")
				node2LeadsTerm3(b)
				b.At(ms(1200)).CutOneWay([]int{2}, others)
				campaign(b.At(ms(2000)), 0, 4, 1, 3, 4)
				campaign(b.At(ms(6500)), 1, 5, 0, 3, 4)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{2, 0, 1, 3, 4},
				terms:   []uint64{3},
				at:      ms(6200),
				summary: []string{"node 2 (leader of term 3) was cut off at 1.2s"},
			},
		},
		"good-first-leader-observed-after-a-one-way-cut": {
			build: func() checker.History {
				b := hist.New(5).Note("node 2 wins term 1 at 346ms, but is observed leading only at 350ms, just after a fault " +
					"cut the links from 0, 1 and 4 to it (and to 3): it can no longer hear them, yet its heartbeats reach all, " +
					"so they keep following it and no election is owed, although it sits in no majority clique")
				b.At(ms(336)).Candidate(2, 1)
				for _, v := range others {
					b.RequestVote(2, v, 1)
					b.Vote(v, 2, 1, true)
				}
				b.At(ms(350)).CutOneWay([]int{0, 1, 4}, []int{2, 3})
				b.Leader(2, 1)
				beat(b, 2, 1, ms(8350), others...)
				b.At(ms(8350)).Heal()
				beat(b, 2, 1, ms(14000), others...)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-first-leader-observed-mute": {
			build: func() checker.History {
				b := hist.New(5).Note("node 2 wins term 1, and is observed leading just after a fault cut every link from it: " +
					"nobody hears it, so 0, 1, 3 and 4 must elect a leader by 5s and never do")
				b.At(ms(336)).Candidate(2, 1)
				for _, v := range others {
					b.RequestVote(2, v, 1)
					b.Vote(v, 2, 1, true)
				}
				b.At(ms(350)).CutOneWay([]int{2}, others)
				b.Leader(2, 1)
				campaign(b.At(ms(2000)), 0, 2, 1, 3, 4)
				campaign(b.At(ms(6500)), 1, 3, 0, 3, 4)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				at:      ms(5000),
				summary: []string{"no leader was ever elected"},
			},
		},
		"good-first-leader-after-split-votes": {
			build: func() checker.History {
				b := hist.New(3).Note("the first two elections split the vote; the third, at 4.5s, elects node 1: within 5s of the start")
				campaign(b.At(ms(500)), 0, 1, 1, 2)
				campaign(b.At(ms(2000)), 2, 2, 0, 1)
				elect(b.At(ms(4500)), 1, 3, 0, 2)
				b.At(ms(8000)).Note("end")
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-no-first-leader-while-all-cut": {
			build: func() checker.History {
				b := hist.New(3).Note("every node is cut off from 100ms to 6s, so the first election is owed only from 6s; node 0 wins at 9s")
				b.At(ms(100)).Partition([]int{0}, []int{1}, []int{2})
				campaign(b.At(ms(3000)), 0, 1, 1, 2)
				b.At(ms(6000)).Heal()
				elect(b.At(ms(9000)), 0, 2, 1, 2)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-no-first-leader": {
			build: func() checker.History {
				b := hist.New(3).Note("all three nodes can talk from the start, campaign again and again, and never elect anyone")
				campaign(b.At(ms(500)), 0, 1, 1, 2)
				campaign(b.At(ms(2500)), 1, 2, 0, 2)
				campaign(b.At(ms(4500)), 2, 3, 0, 1)
				campaign(b.At(ms(6500)), 0, 4, 1, 2)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{0, 1, 2},
				at:      ms(5000),
				summary: []string{"no leader was ever elected: nodes {0, 1, 2} could communicate from 0s on, but none led by 5s"},
			},
		},
		"bad-no-new-leader-after-leader-panics": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 2 panics at 1.2s and is treated as crashed; the other four campaign but never elect anyone")
				node2LeadsTerm3(b)
				b.At(ms(1200)).PanicCrash(2, 3, "in Tick: index out of range")
				threeFailedCampaigns(b)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				terms:   []uint64{3},
				at:      ms(6200),
				summary: []string{"nodes {0, 1, 3, 4} could still communicate but no new leader by 6.2s"},
			},
		},
		"bad-no-new-leader": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 2 is cut off at 1.2s; the other four campaign but never elect anyone")
				node2LeadsTerm3(b)
				b.At(ms(1200)).Isolate(2)
				threeFailedCampaigns(b)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{2, 0, 1, 3, 4},
				terms:   []uint64{3},
				at:      ms(6200),
				summary: []string{"node 2 (leader of term 3) was cut off at 1.2s", "nodes {0, 1, 3, 4} could still communicate but no new leader by 6.2s"},
				window: []probe{
					{at: ms(310), typ: checker.Observe, node: 2},   // it led
					{at: ms(1200), typ: checker.Topology, node: 2}, // it was cut off
					{at: ms(6500), typ: checker.Observe, node: 3},  // the first event past the deadline
				},
			},
		},
		"bad-clock-restarts-with-majority": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 0 crashes at 1s; at 4s nodes 1 and 2 crash too, leaving no majority; " +
					"node 1 restarts at 5s, so the clock starts afresh at 5s and runs out at 10s")
				elect(b.At(ms(300)), 0, 1, 1, 2, 3, 4)
				b.At(ms(1000)).Crash(0).Down(0, 1, 0)
				b.At(ms(4000)).Crash(1).Crash(2)
				b.At(ms(5000)).Restart(1).Follower(1, 1, -1, 0)
				campaign(b.At(ms(6000)), 3, 2, 1, 4)
				campaign(b.At(ms(8000)), 4, 3, 1, 3)
				campaign(b.At(ms(11000)), 1, 4, 3, 4)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{0, 1, 3, 4},
				terms:   []uint64{1},
				at:      ms(10000),
				summary: []string{"node 0 (leader of term 1) went down at 1s", "nodes {1, 3, 4} could communicate from 5s on but no new leader by 10s"},
			},
		},
		"bad-new-leader-in-minority": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 0 is cut off at 1s; lone node 1 claims term 2, " +
					"which does not count: the majority {2,3,4} never elects anyone")
				elect(b.At(ms(300)), 0, 1, 1, 2, 3, 4)
				b.At(ms(1000)).Partition([]int{0}, []int{1}, []int{2, 3, 4})
				b.At(ms(2000)).Leader(1, 2)
				campaign(b.At(ms(3000)), 2, 3, 3, 4)
				campaign(b.At(ms(7000)), 3, 4, 2, 4)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{0, 2, 3, 4},
				terms:   []uint64{1},
				at:      ms(6000),
			},
		},
		"bad-leader-restarts-as-follower": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 2 crashes at 1s and restarts at 2s as a follower: " +
					"no one leads, so an election is still owed, by 6s")
				elect(b.At(ms(300)), 2, 3, others...)
				b.At(ms(1000)).Crash(2).Down(2, 3, 2)
				b.At(ms(2000)).Restart(2).Follower(2, 3, -1, 2)
				campaign(b.At(ms(3000)), 0, 4, 1, 3, 4)
				campaign(b.At(ms(7000)), 1, 5, 0, 3, 4)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{2, 0, 1, 3, 4},
				terms:   []uint64{3},
				at:      ms(6000),
				summary: []string{"went down at 1s"},
			},
		},
		"good-leader-steps-down-and-is-replaced": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 2 steps down at 1.5s with the network whole (it saw a higher term); " +
					"node 0 is elected in term 4 at 2s")
				node2LeadsTerm3(b)
				b.At(ms(1500)).Follower(2, 3, -1, 2)
				elect(b.At(ms(2000)), 0, 4, 1, 3, 4)
				beat(b, 0, 4, ms(7000), 1, 3, 4)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-leader-steps-down-and-nobody-leads": {
			build: func() checker.History {
				b := hist.New(5).Note("leader 2 steps down at 1.5s while every node can talk " +
					"(its connections were left half-open, which the topology cannot show); " +
					"the others only pre-campaign, and no one leads by 6.5s")
				node2LeadsTerm3(b)
				b.At(ms(1500)).Follower(2, 3, -1, 2)
				b.At(ms(2000)).Observe(impl.Status{ID: 0, Term: 3, Role: impl.PreCandidate, Leader: impl.None, VotedFor: 2})
				b.At(ms(7000)).Observe(impl.Status{ID: 1, Term: 3, Role: impl.PreCandidate, Leader: impl.None, VotedFor: 2})
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{2, 0, 1, 3, 4},
				terms:   []uint64{3},
				at:      ms(6500),
				summary: []string{"node 2 (leader of term 3) stepped down at 1.5s", "nodes {0, 1, 2, 3, 4} could still communicate but no new leader by 6.5s"},
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

// Within is configurable: the same outage passes with a longer allowance.
func TestReElectionWithin(t *testing.T) {
	h, err := checker.LoadHistory("testdata/re-election/bad-no-new-leader.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	expect(t, checker.ReElection{Within: 6 * time.Second}.Check(h), want{outcome: checker.Ok})
	expect(t, checker.ReElection{Within: time.Second}.Check(h), want{outcome: checker.Violated, at: ms(2200)})
}

// node2LeadsTerm3 is the common start: node 2 is elected in term 3 at
// 300 ms and heartbeats the other four until 1.2 s.
func node2LeadsTerm3(b *hist.Builder) {
	others := []int{0, 1, 3, 4}
	elect(b.At(ms(300)), 2, 3, others...)
	beat(b, 2, 3, ms(1200), others...)
}

// threeFailedCampaigns: with node 2 gone, nodes 0, 1 and 3 campaign at 2 s,
// 4 s and 6.5 s, and nobody is elected.
func threeFailedCampaigns(b *hist.Builder) {
	campaign(b.At(ms(2000)), 0, 4, 1, 3, 4)
	campaign(b.At(ms(4000)), 1, 5, 0, 3, 4)
	campaign(b.At(ms(6500)), 3, 6, 0, 1, 4)
}

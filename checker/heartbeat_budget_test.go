package checker_test

import (
	"strings"
	"testing"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
	"github.com/ballot-go/ballot/impl"
)

// No leader sends one follower more than PerSecond (10) heartbeats of one
// term in any window (t-1s, t] of its own clock.
func TestHeartbeatBudget(t *testing.T) {
	checkFixtures(t, checker.HeartbeatBudget{PerSecond: 10}, "heartbeat-budget", map[string]fixture{
		"good-every-150ms": {
			build: func() checker.History {
				b := hist.New(3).Note("leader 0 sends a heartbeat every 150ms: under 7 a second")
				elect(b.At(ms(300)), 0, 1, 1, 2)
				beat(b, 0, 1, ms(5000), 1, 2)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-exactly-at-budget": {
			build: func() checker.History {
				b := hist.New(2).Note("heartbeats at 0, 100ms, ..., 1s: 11 in [0, 1s] but never more than 10 in a half-open (t-1s, t]")
				for i := range 11 {
					b.At(ms(100*i)).Heartbeat(0, 1, 1)
				}
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-deposed-leader-beside-new-leader": {
			build: func() checker.History {
				b := hist.New(3).Note("deposed leader 0 (term 1) and new leader 2 (term 2) each send node 1 a heartbeat every 100ms: the budget is per link")
				for i := range 20 {
					b.At(ms(100*i)).Heartbeat(0, 1, 1)
					b.Heartbeat(2, 1, 2)
				}
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-reelected-leader-next-term": {
			build: func() checker.History {
				b := hist.New(3).Note("leader 0 heartbeats every 100ms in term 1, loses leadership, wins term 2 5ms after its last term-1 heartbeat and heartbeats at once, as Raft §5.2 requires: 11 in one second, but never more than 10 of one term")
				for i := range 10 {
					b.At(ms(100*i)).Heartbeat(0, 1, 1)
				}
				for i := range 10 {
					b.At(ms(905+100*i)).Heartbeat(0, 1, 2)
				}
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-entries-between-heartbeats": {
			build: func() checker.History {
				b := hist.New(2).Note("leader 0 heartbeats every 100ms and replicates entries (and retries them) in between: log traffic is not a heartbeat")
				for i := range 20 {
					b.At(ms(100*i)).Heartbeat(0, 1, 1)
					b.At(ms(100*i + 30)).Wire(impl.Message{From: 0, To: 1, Term: 1, Kind: impl.KindHeartbeat, Entries: 2})
					b.At(ms(100*i + 60)).Wire(impl.Message{From: 0, To: 1, Term: 1, Kind: impl.KindHeartbeat, Entries: 1})
				}
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"good-skewed-leader-within-its-own-second": {
			build: func() checker.History {
				b := hist.New(2).Note("a skew fault runs leader 0's clock 1.25x fast, so its 100ms heartbeat comes every 80ms: 13 in a real second, 10 in one second of its own clock")
				b.Skew(0, 1.25)
				for i := range 30 {
					b.At(ms(80*i)).Heartbeat(0, 1, 1)
				}
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-skewed-leader-over-budget": {
			build: func() checker.History {
				b := hist.New(2).Note("leader 0's clock runs 1.25x fast, and it heartbeats every 70ms of real time: 11 in one second of its own clock (800ms real)")
				b.Skew(0, 1.25)
				for i := range 12 {
					b.At(ms(70*i)).Heartbeat(0, 1, 1)
				}
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{1, 0},
				terms:   []uint64{1},
				at:      ms(700),
				summary: []string{"11 heartbeats in (0s, 700ms]", "ran fast"},
			},
		},
		"bad-burst": {
			build: func() checker.History {
				b := hist.New(3).Note("leader 0 sends node 2 a heartbeat every 90ms: the 11th, at 900ms, is one too many")
				for i := range 11 {
					b.At(ms(90*i)).Heartbeat(0, 2, 1)
				}
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{2, 0},
				terms:   []uint64{1},
				at:      ms(900),
				summary: []string{"11 heartbeats in (0s, 900ms]"},
				window:  []probe{{at: 0, typ: checker.Send, node: 0}},
			},
		},
	})
}

// With no budget declared the rate is measured and reported, never judged.
func TestHeartbeatBudgetUndeclared(t *testing.T) {
	h, err := checker.LoadHistory("testdata/heartbeat-budget/bad-burst.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	res := checker.HeartbeatBudget{}.Check(h)
	expect(t, res, want{outcome: checker.Ok})
	if want := "no budget declared): 0->2 11"; !strings.Contains(res.Measured, want) {
		t.Errorf("Measured = %q, want it to contain %q", res.Measured, want)
	}
}

// The budget is configurable.
func TestHeartbeatBudgetPerSecond(t *testing.T) {
	h, err := checker.LoadHistory("testdata/heartbeat-budget/good-every-150ms.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	expect(t, checker.HeartbeatBudget{PerSecond: 5}.Check(h), want{outcome: checker.Violated, nodes: []int{1, 0}})
}

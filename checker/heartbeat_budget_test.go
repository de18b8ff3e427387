package checker_test

import (
	"testing"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
)

// No leader sends one follower more than PerSecond (10) heartbeats in any
// window (t-1s, t].
func TestHeartbeatBudget(t *testing.T) {
	checkFixtures(t, checker.HeartbeatBudget{}, "heartbeat-budget", map[string]fixture{
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
				summary: []string{"in (-100ms, 900ms]"},
				window:  []probe{{at: 0, typ: checker.Send, node: 0}},
			},
		},
	})
}

// The budget is configurable.
func TestHeartbeatBudgetPerSecond(t *testing.T) {
	h, err := hist.Load("testdata/heartbeat-budget/good-every-150ms.json")
	if err != nil {
		t.Fatal(err)
	}
	expect(t, checker.HeartbeatBudget{PerSecond: 5}.Check(h), want{outcome: checker.Violated, nodes: []int{1, 0}})
}

package checker_test

import (
	"testing"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
)

const leakedStack = `goroutine 42 [select]:
example.com/raft.(*Node).ticker(0xc000120000)
	/src/raft/node.go:211 +0x9c
created by example.com/raft.Make in goroutine 7
	/src/raft/node.go:88 +0x1d4`

// A stopped node's goroutines must all end: every Leak event is a finding.
func TestNoLeaks(t *testing.T) {
	checkFixtures(t, checker.NoLeaks{}, "no-leaks", map[string]fixture{
		"good-clean-stop": {
			build: func() checker.History {
				b := hist.New(3).Note("node 1 crashes and restarts; nothing outlives it")
				elect(b.At(ms(300)), 0, 1, 1, 2)
				b.At(ms(1000)).Crash(1).Down(1, 1, 0)
				b.At(ms(2000)).Restart(1).Follower(1, 1, -1, 0)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-leaked-ticker": {
			build: func() checker.History {
				b := hist.New(3).Note("node 2 is stopped at 1s; its ticker goroutine is still alive after the grace period")
				elect(b.At(ms(300)), 0, 1, 1, 2)
				b.At(ms(1000)).Crash(2).Down(2, 1, 0)
				b.At(ms(1500)).Leak(2, leakedStack)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{2},
				at:      ms(1500),
				summary: []string{"node 2 leaked a goroutine", "goroutine 42 [select]"},
				window:  []probe{{at: ms(1500), typ: checker.Leak, node: 2}},
			},
		},
		"good-empty": {
			build: func() checker.History { return checker.History{} },
			want:  want{outcome: checker.Ok},
		},
	})
}

// No node may stop answering: every Stuck event is a finding of its own.
func TestNoStuck(t *testing.T) {
	checkFixtures(t, checker.NoStuck{}, "no-stuck", map[string]fixture{
		"good-answering": {
			build: func() checker.History {
				b := hist.New(3).Note("every node answers throughout")
				elect(b.At(ms(300)), 0, 1, 1, 2)
				beat(b, 0, 1, ms(2000), 1, 2)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-two-stuck": {
			build: func() checker.History {
				b := hist.New(5).Note("node 1 stops answering State at 2s, node 3 at 3s")
				elect(b.At(ms(300)), 0, 1, 1, 2, 3, 4)
				b.At(ms(2000)).Stuck(1, "State did not return within 1s\ngoroutine 9 [semacquire]: ...")
				b.At(ms(3000)).Stuck(3, "State did not return within 1s")
				return b.History()
			},
			want: want{
				outcome:    checker.Violated,
				violations: 2,
				nodes:      []int{1},
				at:         ms(2000),
				summary:    []string{"node 1 got stuck: State did not return within 1s"},
			},
		},
	})
}

// No call into the implementation may panic: every Panic event is a finding.
func TestNoPanic(t *testing.T) {
	checkFixtures(t, checker.NoPanic{}, "no-panic", map[string]fixture{
		"good-crash-is-not-a-panic": {
			build: func() checker.History {
				b := hist.New(3).Note("node 0 is crashed by a fault and restarts: that is not a panic")
				elect(b.At(ms(300)), 0, 1, 1, 2)
				b.At(ms(1000)).Crash(0).Down(0, 1, 0)
				b.At(ms(2000)).Restart(0)
				return b.History()
			},
			want: want{outcome: checker.Ok},
		},
		"bad-step-panicked": {
			build: func() checker.History {
				b := hist.New(3).Note("node 2's Step panics at 1.5s; the network treats it as a crash")
				elect(b.At(ms(300)), 0, 1, 1, 2)
				b.At(ms(1500)).Panic(2, "in Step: index out of range [3] with length 3\ngoroutine 7 [running]:\nmine.(*M).Step(...)")
				b.Down(2, 1, 0)
				return b.History()
			},
			want: want{
				outcome: checker.Violated,
				nodes:   []int{2},
				at:      ms(1500),
				summary: []string{"node 2 panicked in Step: index out of range [3] with length 3 …"},
			},
		},
	})
}

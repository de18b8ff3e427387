package checker_test

import (
	"testing"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
)

// Recoveries lists the elections ReElection saw owed and met: the first
// one, and one after the leader crashed, timed from when a majority could
// elect; an election still owed at the end is not listed.
func TestRecoveriesTimeEachElectionFromWhenAMajorityCouldTalk(t *testing.T) {
	b := hist.New(5)
	node2LeadsTerm3(b)                                                                  // elected at 310 ms, heartbeats to 1.2 s
	b.At(ms(1200)).Crash(2).Down(2, 3, 2).Partition([]int{2}, []int{0, 1}, []int{3, 4}) // no majority
	b.At(ms(2000)).Partition([]int{2})                                                  // 0, 1, 3 and 4 can talk
	elect(b.At(ms(2500)), 0, 4, 1, 3, 4)
	beat(b, 0, 4, ms(4000), 1, 3, 4)
	b.At(ms(4000)).Isolate(0) // never replaced: owed at the end
	got := checker.Recoveries(b.History())
	if len(got) != 2 {
		t.Fatalf("%d recoveries, want 2: %+v", len(got), got)
	}
	first, cut := got[0], got[1]
	if first.Cause != "first" || first.Elected != ms(310) {
		t.Errorf("first election: %+v; want cause first, elected at 310ms", first)
	}
	if cut.Cause != "went down" || cut.Leader != 2 || cut.Lost != ms(1200) || cut.Could != ms(2000) || cut.Took() != ms(510) {
		t.Errorf("after the crash: %+v, took %v; want node 2 down at 1.2s, a majority from 2s, elected at 2.51s", cut, cut.Took())
	}
}

package wallclockseed

import (
	"math/rand"
	"testing"
	"time"

	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/specs/harness"
)

// elect runs three peers built by makeRaft in virtual time and reports
// whether they elected a leader within 5 s, and the terms they reached.
func elect(t *testing.T, makeRaft func([]*labrpc.ClientEnd, int, *labrpc.Persister, chan labrpc.ApplyMsg) *Raft) (elected bool, terms []uint64) {
	t.Helper()
	err := harness.RunInBubble(t, func() {
		c, err := harness.New(harness.Target{Name: "wallclockseed", Node: labrpc.Node(makeRaft)}, harness.Config{Nodes: 3, Seed: 1})
		if err != nil {
			t.Error(err)
			return
		}
		defer c.Close()
		_, _, err = c.CheckOneLeader()
		elected = err == nil
		for n := range c.Size() {
			st, err := c.Status(n)
			if err != nil {
				t.Error(err)
				return
			}
			terms = append(terms, st.Term)
		}
	}, harness.Watch{Limit: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	return elected, terms
}

// The bug: peers that start together draw the same timeouts, campaign
// together and split the vote at every term.
func TestWallClockSeedsNeverElect(t *testing.T) {
	elected, terms := elect(t, Make)
	if elected {
		t.Fatal("a leader was elected: the peers' timeouts differed")
	}
	if terms[0] < 3 || terms[1] != terms[0] || terms[2] != terms[0] {
		t.Errorf("terms %v: want peers campaigning in lockstep, several times", terms)
	}
}

// The control: the same election, each peer with a seed of its own, elects
// at once. The seed is the only difference.
func TestOwnSeedsElect(t *testing.T) {
	elected, terms := elect(t, func(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, _ chan labrpc.ApplyMsg) *Raft {
		return start(peers, me, persister, rand.New(rand.NewSource(int64(me)+1)))
	})
	if !elected {
		t.Fatalf("no leader within 5 s with a seed per peer; terms %v", terms)
	}
}

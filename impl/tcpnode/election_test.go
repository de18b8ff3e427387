package tcpnode_test

import (
	"testing"
	"time"
)

// Three nodes over real TCP elect one leader, everyone agrees on it and on
// its term, and it stays: heartbeats arrive in time.
func TestThreeNodesElectOneLeader(t *testing.T) {
	c := newCluster(t, 3)
	c.start(0, 1, 2)
	term, lead := c.awaitLeader(0, 0, 1, 2)
	t.Logf("node %d leads term %d", lead, term)

	for range 30 { // 300 ms: two heartbeat rounds, and no election timeout ends
		all, ok, seen := c.states([]int{0, 1, 2})
		if t2, l2, agree := agreed(all); !ok || !agree || t2 != term || l2 != lead {
			t.Fatalf("the cluster moved from node %d in term %d: %s", lead, term, seen)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// When the leader's process ends, the other two elect one of them in a
// higher term.
func TestLeaderLossElectsANewLeaderInAHigherTerm(t *testing.T) {
	c := newCluster(t, 3)
	c.start(0, 1, 2)
	term, lead := c.awaitLeader(0, 0, 1, 2)
	c.stop(lead)

	var rest []int
	for id := range 3 {
		if id != lead {
			rest = append(rest, id)
		}
	}
	term2, lead2 := c.awaitLeader(term, rest...)
	if lead2 == lead {
		t.Fatalf("the stopped node %d is still named leader, in term %d", lead, term2)
	}
	t.Logf("node %d led term %d; after it stopped, node %d leads term %d", lead, term, lead2, term2)
}

// A five-node cluster loses two nodes, its leader among them, and the
// remaining majority still elects a leader.
func TestMajorityOfFiveElectsAfterTwoStop(t *testing.T) {
	c := newCluster(t, 5)
	c.start(0, 1, 2, 3, 4)
	term, lead := c.awaitLeader(0, 0, 1, 2, 3, 4)
	other := (lead + 1) % 5
	c.stop(lead)
	c.stop(other)
	var rest []int
	for id := range 5 {
		if id != lead && id != other {
			rest = append(rest, id)
		}
	}
	term2, lead2 := c.awaitLeader(term, rest...)
	t.Logf("nodes %d (leader of term %d) and %d stopped; node %d leads term %d", lead, term, other, lead2, term2)
}

package procnet_test

import (
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults/procnet"
	"github.com/ballot-go/ballot/impl"
)

// A half-open fault on the leader kills its live connections at the
// proxies and cuts no link: the followers stop hearing it and elect
// another in a higher term. The nodes notice the dead connections by
// their missing acks and dial again, after which all three agree on one
// leader in one term. Without the redial the old leader would stay cut
// off for good while the topology says it is connected.
func TestHalfOpenLeaderIsReplacedAndRejoins(t *testing.T) {
	eachProxyMode(t, halfOpenTheLeader)
}

func halfOpenTheLeader(t *testing.T, perMember bool) {
	n, err := startWith(t, 3, "reference", procnet.Config{PerMember: perMember})
	if err != nil {
		t.Fatal(err)
	}
	old := awaitLeader(t, n, 5*time.Second)
	term := n.Status(old).Term
	killed, err := n.HalfOpen("h", old)
	if err != nil || killed == 0 {
		t.Fatalf("HalfOpen(leader %d) killed %d connections, error %v; want some killed", old, killed, err)
	}
	if topo := n.Topology(); !topo.Faulty || anyCut(topo.Cut) {
		t.Fatalf("topology during half-open: faulty %t, cut %v; want faulty with no link cut", topo.Faulty, topo.Cut)
	}
	if !n.RunUntil(5*time.Second, func() bool { return leadsAbove(n, old, term) }) {
		t.Fatalf("no new leader within 5s of leaving leader %d's connections half-open: %v", old, statuses(n))
	}
	if !n.RunUntil(10*time.Second, func() bool { return agreed(n) }) {
		t.Fatalf("the nodes never agreed on one leader after the half-open: %v (a dead connection was never replaced)", statuses(n))
	}
	n.ClearHalfOpen("h")
	if n.Topology().Faulty {
		t.Error("the network is still faulty after ClearHalfOpen")
	}
	t.Logf("killed %d connections of leader %d (term %d); now %v", killed, old, term, statuses(n))
}

// leadsAbove reports whether a node other than old leads a term above term.
func leadsAbove(n *procnet.Network, old int, term uint64) bool {
	for i := range n.Size() {
		if st := n.Status(i); i != old && st.Role == impl.Leader && st.Term > term {
			return true
		}
	}
	return false
}

// agreed reports whether every node is in one term and names one leader,
// which leads it.
func agreed(n *procnet.Network) bool {
	first := n.Status(0)
	if first.Leader == impl.None || n.Status(first.Leader).Role != impl.Leader {
		return false
	}
	for i := range n.Size() {
		if st := n.Status(i); st.Term != first.Term || st.Leader != first.Leader {
			return false
		}
	}
	return true
}

func anyCut(cut [][]bool) bool {
	for _, row := range cut {
		for _, c := range row {
			if c {
				return true
			}
		}
	}
	return false
}

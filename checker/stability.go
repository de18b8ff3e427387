package checker

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// Stability checks that a healthy cluster with a settled leader stays put:
// no term changes without a failure to cause them.
//
// The cluster is steady when the latest Net is healthy (not Faulty, every
// node Live, no link cut), every node's latest observation is in one term
// T, exactly one node L has role Leader, every node names it in
// Status.Leader, and every other node has been delivered a heartbeat from L
// in T since the last Topology event. The last condition matters right
// after a heal: a follower that was cut off may still name L while its
// election timer, unfed during the fault, is about to fire; it is steady
// only once L's heartbeat has reset that timer. From then until the next
// Topology event, an observation of a term above T, or a message sent with
// a term above T, is term churn. Pre-vote messages are exempt: a pre-vote
// asks about T+1 precisely so that the term need not change.
//
// No node may have sent a message in a term above T either: a polled
// status lags what its node already put on the wire.
//
// Deciding steadiness needs the wire: a history with no message events
// (and more than one node) gives Unknown.
type Stability struct {
	// AllowUnknownLeader counts a node whose Status.Leader is None as
	// agreeing. Goroutine nodes report only (term, isLeader), so their
	// followers never name the leader; without this they are never steady.
	// Default false.
	AllowUnknownLeader bool
}

func (Stability) Name() string { return "Stability" }

func (c Stability) Check(h History) Result {
	if why := sizeReason(h.Nodes, MaxNodes); why != "" {
		return unknown(c.Name(), why)
	}
	if h.Nodes > 1 && !hasWire(h) {
		return unknown(c.Name(), "no wire record: cannot tell when followers heard the leader")
	}
	s := &stability{cfg: c, events: h.Events, status: make([]impl.Status, h.Nodes),
		seen: make([]bool, h.Nodes), agree: make(map[agreeKey]int), healthy: true, rep: newReport(h),
		heard: make([]agreeKey, h.Nodes), heardN: make(map[agreeKey]int)}
	s.forgetHeartbeats()
	for i := range h.Events {
		s.step(i)
	}
	return s.rep.result(c.Name())
}

// agreeKey is what a node believes about the current term and its leader.
type agreeKey struct {
	term   uint64
	leader int
}

// stability keeps just enough counts to decide "steady" in O(1) per event:
// how many live nodes hold each (term, leader) belief, how many claim the
// leader role, and the sum of their ids (which is the leader's id when
// exactly one claims it).
type stability struct {
	cfg     Stability
	events  []Event
	rep     *report
	status  []impl.Status
	seen    []bool
	nseen   int
	agree   map[agreeKey]int
	leaders int
	idSum   int
	healthy bool

	// heard[n] is the (term, sender) of the last heartbeat delivered to n
	// since the last Topology event; heardN counts nodes per value.
	heard  []agreeKey
	heardN map[agreeKey]int

	// wireTerm is the highest term any node has sent a message in (pre-votes
	// aside). Polled statuses lag the wire; a cluster whose statuses agree
	// on T while some node already campaigns in T+1 is not steady.
	wireTerm uint64

	steady    bool
	term      uint64
	leader    int
	steadyIdx int
}

func (s *stability) step(i int) {
	e := &s.events[i]
	switch e.Type {
	case Topology:
		s.steady = false
		s.healthy = e.Net.Healthy(len(s.status))
		s.forgetHeartbeats()
		s.settle(i)
	case Deliver:
		if e.Msg.Kind == impl.KindHeartbeat && e.Msg.To >= 0 && e.Msg.To < len(s.heard) {
			s.hear(e.Msg.To, agreeKey{e.Msg.Term, e.Msg.From})
			s.settle(i)
		}
	case Observe:
		if e.Node < 0 || e.Node >= len(s.status) {
			return
		}
		if s.steady && e.Status.Term > s.term {
			s.churn(i, e.Node, e.Status.Term, "was observed in")
		}
		s.update(e.Node, e.Status)
		s.settle(i)
	case Send:
		k := e.Msg.Kind
		if k == impl.KindPreVoteRequest || k == impl.KindPreVoteReply {
			return
		}
		if s.steady && e.Msg.Term > s.term {
			s.churn(i, e.Msg.From, e.Msg.Term, "sent a "+k.String()+" for")
		}
		s.wireTerm = max(s.wireTerm, e.Msg.Term)
	}
}

// forgetHeartbeats starts a new period in which every follower must hear
// the leader again.
func (s *stability) forgetHeartbeats() {
	clear(s.heardN)
	for n := range s.heard {
		s.heard[n] = agreeKey{leader: impl.None}
	}
}

func (s *stability) hear(n int, k agreeKey) {
	if old := s.heard[n]; old.leader != impl.None {
		if s.heardN[old]--; s.heardN[old] == 0 {
			delete(s.heardN, old)
		}
	}
	s.heard[n] = k
	s.heardN[k]++
}

// update replaces node n's contribution to the counts.
func (s *stability) update(n int, st impl.Status) {
	if s.seen[n] {
		s.count(n, s.status[n], -1)
	} else {
		s.seen[n] = true
		s.nseen++
	}
	s.status[n] = st
	s.count(n, st, +1)
}

func (s *stability) count(n int, st impl.Status, d int) {
	if st.Role == impl.Down {
		return // a down node agrees with nobody
	}
	k := agreeKey{st.Term, st.Leader}
	if s.agree[k] += d; s.agree[k] == 0 {
		delete(s.agree, k)
	}
	if st.Role == impl.Leader {
		s.leaders += d
		s.idSum += d * n
	}
}

// settle enters the steady state if the cluster has just become steady.
func (s *stability) settle(i int) {
	if s.steady || !s.healthy || s.nseen < len(s.status) || s.leaders != 1 {
		return
	}
	l := s.idSum
	if l < 0 || l >= len(s.status) {
		return
	}
	t := s.status[l].Term
	if s.wireTerm > t {
		return // a node already sent in a later term: its status has not caught up
	}
	n := s.agree[agreeKey{t, l}]
	if s.cfg.AllowUnknownLeader {
		n += s.agree[agreeKey{t, impl.None}]
	}
	heard := s.heardN[agreeKey{t, l}]
	if s.heard[l] == (agreeKey{t, l}) {
		heard-- // the leader's own heartbeats do not count
	}
	if n == len(s.status) && heard >= len(s.status)-1 {
		s.steady, s.term, s.leader, s.steadyIdx = true, t, l, i
	}
}

// healTie is how close to the moment the cluster became steady a term change
// counts as part of the heal rather than churn. The last follower to hear the
// leader after a fault may have its election timer, unfed during the fault,
// fire at the very instant the heartbeat arrives; which goes first is the
// scheduler's choice, not the implementation's. In virtual time such a tie
// is exact; in real time it is microseconds apart.
const healTie = time.Millisecond

func (s *stability) churn(i, node int, term uint64, what string) {
	s.steady = false // one finding per steady period
	if s.events[i].At-s.events[s.steadyIdx].At < healTie {
		return // a tie with the heal: the cluster was not steady after all
	}
	if !s.rep.room() {
		return
	}
	start := s.events[s.steadyIdx].At
	s.rep.add(Violation{
		Summary: fmt.Sprintf("term churn without failures: steady in term %d under leader %d since %v, but node %d %s term %d at %v",
			s.term, s.leader, start, node, what, term, s.events[i].At),
		At:    s.events[i].At,
		Nodes: []int{node, s.leader},
		Terms: []uint64{s.term, term},
	}, i, s.steadyIdx)
}

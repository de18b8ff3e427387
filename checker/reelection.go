package checker

import (
	"fmt"
	"slices"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// ReElection checks liveness after a leader failure: once the leader
// becomes unavailable while a majority of nodes can still talk, that
// majority must elect a new leader within Within. The first election is
// held to the same bound: from the start of the history, a cluster with no
// leader yet owes one, by the same clock.
//
// The leader is the node observed as leader of the highest term so far, as
// long as it has not been observed in another role (going Down does not
// count: a crash is one way of becoming unavailable). A leader observed
// stepping down (CheckQuorum, a higher term, a fault the topology cannot
// show, such as connections left half-open) owes an election just as one
// that failed, unless it is observed leading the same term again. So a
// disruption loop also counts: without PreVote, a node that cannot hear
// the leader (a one-way cut) may depose each new leader in turn, and if
// no leader is heard by a majority for Within, that is a finding, as it
// is for the cluster's users. It is unavailable when
// it is observed Down, or when a Topology event (or its own election) finds
// it not Live, or finds that its messages no longer reach a majority of
// the nodes (itself included) over clean links: links that are neither cut
// nor degraded by a drop, delay or duplicate rule.
//
// A majority can still talk when there is a majority clique: a set of more
// than half of the nodes, all Live and pairwise connected both ways by clean
// links. Lossy links do not count: an election over them may legitimately
// take longer than Within.
//
// The clock starts at the failure, or later once a majority clique exists.
// If every majority clique vanishes before the deadline the clock stops, and
// it starts afresh, with a whole Within, when one exists again. The
// obligation is met by any node observed as Leader of a higher term while a
// majority hears it (it is live and its messages reach a majority over clean
// links, as an available leader's do), or by a leader of a higher term
// elected earlier that comes to be heard so while still leading. It is
// dropped if the old leader becomes available again while still leading (a
// cut healed, a pause ended); if it lost its leadership meanwhile (observed
// Down, so it restarts as a follower, or observed stepping down) an election
// is still owed. An obligation whose deadline lies beyond the end of the
// history is not a finding.
type ReElection struct {
	// Within is the time allowed for the election; 0 means 5s.
	Within time.Duration
}

// DefaultReElectionWithin is ReElection.Within's default.
const DefaultReElectionWithin = 5 * time.Second

func (ReElection) Name() string { return "ReElection" }

func (c ReElection) Check(h History) Result {
	s, why := walkReelect(h, c.Within, nil)
	if why != "" {
		return unknown(c.Name(), why)
	}
	return s.rep.result(c.Name())
}

// walkReelect makes one ReElection pass over h, telling met of every
// obligation met, or says why h cannot be judged. Check and Recoveries
// share it, so a measurement never disagrees with the verdict.
func walkReelect(h History, within time.Duration, met func(*obligation, time.Duration)) (*reelect, string) {
	if why := sizeReason(h.Nodes, MaxCliqueNodes); why != "" {
		return nil, why
	}
	if i := disorder(h); i >= 0 {
		return nil, disorderReason(h, i)
	}
	s := newReelect(h, within)
	s.met = met
	for i := range h.Events {
		s.step(i)
		if !s.view.ok {
			return nil, fmt.Sprintf("majority clique search gave up on the network at %v", h.Events[i].At)
		}
	}
	return s, ""
}

// reelect is the state of one ReElection pass.
type reelect struct {
	events []Event
	nodes  int
	within time.Duration
	rep    *report

	cache map[*Net]majorities // topologies repeat; cliques are the costly part
	net   *Net
	view  majorities

	has     bool // some node has been observed leading
	leader  int
	term    uint64
	leading bool // the leader has not been observed leaving leadership
	down    bool // the leader has been observed Down since it was elected
	ldrIdx  int  // the observation that made it leader

	ob *obligation
	// met, if set, hears of every obligation met, and when (Recoveries).
	met func(ob *obligation, at time.Duration)
}

// obligation is an election owed after the leader became unavailable.
type obligation struct {
	leader           int
	term             uint64
	crashed          bool // not Live, rather than cut off
	steppedDown      bool // it left leadership while still available
	faultAt          time.Duration
	faultIdx, ldrIdx int
	running          bool // a majority clique exists, so the clock runs
	start            time.Duration
	startIdx         int
	majority         []int // the clique that could elect, as the clock started
	reported         bool
}

func newReelect(h History, within time.Duration) *reelect {
	if within <= 0 {
		within = DefaultReElectionWithin
	}
	s := &reelect{events: h.Events, nodes: h.Nodes, within: within, rep: newReport(h), cache: make(map[*Net]majorities)}
	s.view = findMajorities(nil, h.Nodes) // before any Topology: all live, nothing cut
	if len(h.Events) > 0 {
		// The first election is owed like any other: by a leader of a term
		// above 0, in a majority clique, within Within.
		s.ob = &obligation{leader: impl.None, faultIdx: 0, ldrIdx: -1, startIdx: -1}
		s.clock(0)
	}
	return s
}

func (s *reelect) step(i int) {
	e := &s.events[i]
	if ob := s.ob; ob != nil && ob.running && !ob.reported && e.At > ob.start+s.within {
		s.miss(i)
	}
	switch e.Type {
	case Topology:
		s.topology(i)
	case Observe:
		s.observe(i)
	}
}

func (s *reelect) topology(i int) {
	net := s.events[i].Net
	v, ok := s.cache[net]
	if !ok {
		v = findMajorities(net, s.nodes)
		s.cache[net] = v
	}
	s.net, s.view = net, v
	s.reassess(i)
}

// heard reports whether a majority hears node: it is live and its messages
// reach a majority over clean links. A leader a majority hears keeps it
// following, whether or not it hears them back (a one-way cut may leave it
// in no majority clique at all), so no election is owed while it leads.
func (s *reelect) heard(node int) bool { return s.net.Reaches(node, s.nodes) }

// available reports whether the leader can still lead: not observed Down,
// live, and its heartbeats reach a majority over clean links. A leader that
// can send but not hear keeps its followers, so no election is owed; only
// CheckQuorum would depose it, and not every implementation has it.
func (s *reelect) available(node int) bool {
	return s.net.Reaches(node, s.nodes) && !(s.down && node == s.leader)
}

func (s *reelect) observe(i int) {
	e := &s.events[i]
	if e.Node < 0 || e.Node >= s.nodes {
		return // not a member: it cannot lead this cluster
	}
	st := e.Status
	if st.Role != impl.Leader {
		if s.has && e.Node == s.leader {
			s.leaderLeft(i, st.Role)
		}
		return
	}
	if s.ob != nil && st.Term > s.ob.term && s.heard(e.Node) {
		s.meet(e.At) // a majority elected someone it hears
	}
	if s.has && (st.Term < s.term || st.Term == s.term && e.Node != s.leader) {
		return // stale, or a second leader of the term (ElectionSafety's business)
	}
	changed := !s.has || e.Node != s.leader || st.Term != s.term
	s.has, s.leader, s.term, s.leading, s.down = true, e.Node, st.Term, true, false
	if changed {
		s.ldrIdx = i
	}
	// It may be elected already out of reach, or be back leading the term
	// it left, which meets an obligation its step-down made.
	s.reassess(i)
}

// leaderLeft handles the leader observed in another role. Down makes it
// unavailable whether or not a Topology event says so yet (the harness may
// record either first), and it stays "leading" so that the obligation is
// created; a crashed node restarts as a follower, so once down it cannot
// take up its leadership again. Any other role is a step-down, which owes
// an election too.
func (s *reelect) leaderLeft(i int, role impl.Role) {
	if role == impl.Down {
		if !s.down {
			s.down = true
			s.reassess(i)
		}
		return
	}
	s.leading, s.down = false, false
	if s.ob == nil {
		// It gave up leading while it looked available: an election is owed
		// as after a failure. The network may be broken in a way the
		// topology cannot show (connections left half-open), or the
		// implementation may simply never campaign again; either way a
		// majority that can talk must elect within Within.
		s.ob = &obligation{leader: s.leader, term: s.term, steppedDown: true,
			faultAt: s.events[i].At, faultIdx: i, ldrIdx: s.ldrIdx, startIdx: -1}
		s.clock(i)
	}
}

// reassess updates the obligation after the network or the leader changed.
func (s *reelect) reassess(i int) {
	at := s.events[i].At
	ob := s.ob
	if ob == nil {
		if s.has && s.leading && !s.available(s.leader) {
			s.ob = &obligation{leader: s.leader, term: s.term, crashed: s.down || !s.net.IsLive(s.leader),
				faultAt: at, faultIdx: i, ldrIdx: s.ldrIdx, startIdx: -1}
			s.clock(i)
		}
		return
	}
	if s.leading && s.leader == ob.leader && s.term == ob.term && s.available(ob.leader) {
		s.ob = nil // the old leader is back and can carry on
		return
	}
	if s.leading && s.term > ob.term && s.heard(s.leader) {
		s.meet(at) // elected while the network was still degraded, and now heard by a majority
		return
	}
	s.clock(i)
}

// meet ends the obligation: a new leader is elected and heard.
func (s *reelect) meet(at time.Duration) {
	if s.met != nil {
		s.met(s.ob, at)
	}
	s.ob = nil
}

// clock starts or stops the obligation's clock as majorities come and go.
// Events of one instant come in no set order (a crashed leader may be
// observed Down before the Topology that says so), so the majority named
// in a report is the one the last event of the clock's first instant left.
func (s *reelect) clock(i int) {
	ob := s.ob
	switch {
	case !s.view.exist():
		ob.running = false
	case !ob.running:
		ob.running, ob.start, ob.startIdx = true, s.events[i].At, i
		ob.majority = s.view.largestList()
	case s.events[i].At == ob.start:
		ob.majority = s.view.largestList()
	}
}

// miss reports an election that did not happen in time; events[i] is the
// first event past the deadline.
func (s *reelect) miss(i int) {
	ob := s.ob
	ob.reported = true
	if !s.rep.room() {
		return
	}
	deadline := ob.start + s.within
	if ob.leader == impl.None {
		s.rep.add(Violation{
			Summary: fmt.Sprintf("no leader was ever elected: nodes %s could communicate from %v on, but none led by %v",
				nodeSet(ob.majority), ob.start, deadline),
			At:    deadline,
			Nodes: ob.majority,
		}, i, ob.startIdx)
		return
	}
	how := ob.cause()
	could := "could still communicate"
	if ob.start != ob.faultAt {
		could = fmt.Sprintf("could communicate from %v on", ob.start)
	}
	s.rep.add(Violation{
		Summary: fmt.Sprintf("node %d (leader of term %d) %s at %v; nodes %s %s but no new leader by %v",
			ob.leader, ob.term, how, ob.faultAt, nodeSet(ob.majority), could, deadline),
		At:    deadline,
		Nodes: append([]int{ob.leader}, slices.DeleteFunc(slices.Clone(ob.majority), func(n int) bool { return n == ob.leader })...),
		Terms: []uint64{ob.term},
	}, i, ob.faultIdx, ob.startIdx, ob.ldrIdx)
}

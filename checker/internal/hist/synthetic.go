package hist

import (
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/impl"
)

// Synthetic timing, close to a Raft with a 150ms heartbeat and a 300–600ms
// election timeout.
const (
	HeartbeatEvery = 150 * time.Millisecond
	FaultEvery     = 20 * time.Second // one leader failure per this much time
	FaultLasts     = 8 * time.Second
	stepDownAfter  = 500 * time.Millisecond // an isolated leader notices (CheckQuorum)
	electAfter     = 800 * time.Millisecond // a follower's election timeout fires
)

// Synthetic returns a deterministic, healthy history of about events events
// (at least that many) for a cluster of nodes ≥ 3: heartbeats with replies,
// and every FaultEvery the leader is isolated or crashed (alternately) for
// FaultLasts while the others elect a new one. Every checker of package
// checker accepts it.
func Synthetic(nodes, events int) checker.History {
	s := &synth{b: New(nodes), n: nodes, status: make([]impl.Status, nodes)}
	for i := range s.status {
		s.set(impl.Status{ID: i, Role: impl.Follower, Leader: impl.None, VotedFor: impl.None})
	}
	s.b.At(300 * time.Millisecond)
	s.elect(0)
	for len(s.b.h.Events) < events {
		s.run(s.b.now + FaultEvery - FaultLasts)
		if len(s.b.h.Events) >= events {
			break
		}
		s.fault()
	}
	return s.b.History()
}

type synth struct {
	b      *Builder
	n      int
	leader int
	term   uint64
	status []impl.Status
	faults int
}

// set records st if it differs from what is known of the node.
func (s *synth) set(st impl.Status) {
	if s.status[st.ID] != st {
		s.status[st.ID] = st
		s.b.Observe(st)
	}
}

// run sends heartbeat rounds until the clock reaches end.
func (s *synth) run(end time.Duration) {
	for t := s.b.now; t < end; t += HeartbeatEvery {
		s.b.At(max(t, s.b.now))
		s.round()
	}
	s.b.At(max(end, s.b.now))
}

// round sends one heartbeat from the leader to every other node; a node
// that hears a newer term or leader follows it.
func (s *synth) round() {
	for j := range s.n {
		if j == s.leader {
			continue
		}
		if s.b.Heartbeat(s.leader, j, s.term) {
			vote := s.status[j].VotedFor
			if s.status[j].Term != s.term {
				vote = impl.None
			}
			s.set(impl.Status{ID: j, Term: s.term, Role: impl.Follower, Leader: s.leader, VotedFor: vote})
		}
	}
}

// elect runs an election won by candidate c in the next term.
func (s *synth) elect(c int) {
	s.term++
	s.leader = c
	s.set(impl.Status{ID: c, Term: s.term, Role: impl.Candidate, Leader: impl.None, VotedFor: c})
	for j := range s.n {
		if j != c && s.b.RequestVote(c, j, s.term) {
			s.set(impl.Status{ID: j, Term: s.term, Role: impl.Follower, Leader: impl.None, VotedFor: c})
			s.b.Vote(j, c, s.term, true)
		}
	}
	s.set(impl.Status{ID: c, Term: s.term, Role: impl.Leader, Leader: c, VotedFor: c})
}

// fault fails the leader, lets the rest elect a successor, then heals.
func (s *synth) fault() {
	old, oldTerm := s.leader, s.term
	start := s.b.now
	crash := s.faults%2 == 1
	s.faults++
	if crash {
		s.b.Crash(old)
		s.set(impl.Status{ID: old, Term: oldTerm, Role: impl.Down, Leader: impl.None, VotedFor: old})
	} else {
		s.b.Isolate(old)
		s.run(start + stepDownAfter) // heartbeats into the void
		s.set(impl.Status{ID: old, Term: oldTerm, Role: impl.Follower, Leader: impl.None, VotedFor: old})
	}
	s.b.At(max(start+electAfter, s.b.now))
	s.elect((old + 1 + s.faults%(s.n-1)) % s.n)
	s.run(start + FaultLasts)
	if crash {
		s.b.Restart(old)
		s.set(impl.Status{ID: old, Term: oldTerm, Role: impl.Follower, Leader: impl.None, VotedFor: old})
	} else {
		s.b.Heal()
	}
}

package pvcq

import "github.com/ballot-go/ballot/impl"

// Tick implements impl.Machine.
func (e *election) Tick() {
	switch e.role {
	case impl.Leader:
		e.tickLeader()
	case impl.Follower, impl.PreCandidate, impl.Candidate:
		e.tickWaiting()
	}
}

// tickWaiting counts idle ticks; a whole timeout without a leader or a
// vote given starts a pre-vote. A candidate whose vote split starts over
// the same way.
func (e *election) tickWaiting() {
	e.idle++
	e.silence++
	if e.idle >= e.timeout {
		e.preCampaign()
	}
}

// tickLeader closes the CheckQuorum window before it sends anything, so a
// leader that has just lost its quorum does not send another round.
func (e *election) tickLeader() {
	e.sinceWindow++
	if e.sinceWindow >= electionMin && !e.closeWindow() {
		return
	}
	e.sinceBeat++
	if e.sinceBeat >= heartbeatEvery {
		e.sinceBeat = 0
		e.broadcast(impl.KindHeartbeat, e.term)
	}
}

// rearm restarts the election timeout with a new random length in
// [electionMin, electionMax], drawn from the seeded source only.
func (e *election) rearm() {
	e.idle = 0
	e.timeout = electionMin + e.rng.IntN(electionMax-electionMin+1)
}

// inLease reports whether this node would call an election now a
// disruption: it leads, or heard its leader within the shortest timeout.
func (e *election) inLease() bool {
	return e.role == impl.Leader || e.leader != impl.None && e.silence < electionMin
}

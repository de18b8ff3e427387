package pvcq

import "github.com/ballot-go/ballot/impl"

// preCampaign asks whether an election in the next term could be won,
// without touching term or vote (thesis §9.6). A node that cannot reach a
// majority thus never forces the others into a new term.
func (e *election) preCampaign() {
	e.role, e.leader = impl.PreCandidate, impl.None
	e.rearm()
	e.startBallot()
	e.broadcast(impl.KindPreVoteRequest, e.term+1)
	if e.majority(len(e.ballots)) { // a cluster of one
		e.campaign()
	}
}

// answerPreVote grants a pre-vote for a later term unless this node is in
// touch with a leader (§9.6). It changes nothing here, whatever it says;
// a grant echoes the proposed term, a refusal carries this node's own.
func (e *election) answerPreVote(m impl.Message) {
	if m.Term > e.term && !e.inLease() {
		e.reply(m, impl.KindPreVoteReply, m.Term, true)
		return
	}
	e.reply(m, impl.KindPreVoteReply, e.term, false)
}

// countPreVote counts a grant for the pre-vote under way; a grant for an
// older proposal, or a refusal, counts for nothing.
func (e *election) countPreVote(m impl.Message) {
	if e.role != impl.PreCandidate || !m.Granted || m.Term != e.term+1 {
		return
	}
	e.ballots[m.From] = true
	if e.majority(len(e.ballots)) {
		e.campaign()
	}
}

// campaign starts a real election in the next term, voting for itself
// (§5.2). Term and vote reach storage before the requests are queued.
func (e *election) campaign() {
	e.term++
	e.vote = e.id
	e.persist()
	e.role, e.leader = impl.Candidate, impl.None
	e.rearm()
	e.startBallot()
	e.broadcast(impl.KindVoteRequest, e.term)
	if e.majority(len(e.ballots)) { // a cluster of one
		e.lead()
	}
}

// answerVote grants one vote per term, first come first served, and
// persists it before the reply is queued (Figure 2). Without a log every
// candidate is up to date (§5.4.1).
func (e *election) answerVote(m impl.Message) {
	if e.vote != impl.None && e.vote != m.From {
		e.reply(m, impl.KindVoteReply, e.term, false)
		return
	}
	e.vote = m.From
	e.persist()
	e.idle = 0 // give the candidate time to win before campaigning too
	e.reply(m, impl.KindVoteReply, e.term, true)
}

// countVote counts a grant of the current term; Step has already dropped
// replies from older terms.
func (e *election) countVote(m impl.Message) {
	if e.role != impl.Candidate || !m.Granted {
		return
	}
	e.ballots[m.From] = true
	if e.majority(len(e.ballots)) {
		e.lead()
	}
}

func (e *election) startBallot() {
	clear(e.ballots)
	e.ballots[e.id] = true
}

package machine

import "github.com/ballot-go/ballot/impl"

// campaign starts an election in the next term: the node votes for itself,
// saves that, and asks every peer.
func (n *node) campaign() {
	n.term++
	n.votedFor = n.id
	n.persist()
	n.role, n.leader = impl.Candidate, impl.None
	n.elections++
	n.votes = map[int]bool{n.id: true}
	n.resetTimer()
	n.log.Debug("campaign", "term", n.term, "elections", n.elections)
	if n.v.Won(len(n.votes), n.size) {
		n.lead() // a cluster of one
		return
	}
	for _, p := range n.peers {
		n.send(p, impl.KindVoteRequest, false)
	}
}

// onVoteRequest answers a candidate. The vote goes to the first candidate
// of the term to ask (again to the same one, should its request arrive
// twice), and granting it resets the timer, since someone is trying to
// lead.
func (n *node) onVoteRequest(m impl.Message) {
	if m.Term > n.term {
		n.adopt(m.Term)
	}
	grant := m.Term == n.term && (n.votedFor == impl.None || n.votedFor == m.From)
	if grant {
		if n.votedFor != m.From {
			n.votedFor = m.From
			n.persist()
		}
		n.resetTimer()
	}
	n.send(m.From, impl.KindVoteReply, grant)
}

// onVoteReply counts a vote of the node's current candidacy. Votes are a
// set of voters, so a reply delivered twice counts once.
func (n *node) onVoteReply(m impl.Message) {
	n.onReplyTerm(m.Term)
	if n.role != impl.Candidate || m.Term != n.term || !m.Granted {
		return
	}
	n.votes[m.From] = true
	if n.v.Won(len(n.votes), n.size) {
		n.lead()
	}
}

// onTimeout runs when a follower's or candidate's timer expires.
func (n *node) onTimeout() {
	if n.role == impl.Candidate && !n.v.Retry(n.elections) {
		n.resetTimer() // wait for word of someone else's election
		return
	}
	n.campaign()
}

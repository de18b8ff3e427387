package machine

import "github.com/ballot-go/ballot/impl"

// adopt moves the node to term t as a follower with no vote in it, and
// saves that before anything else happens. Adopting the current term
// changes nothing: the node keeps its role and its vote. Whether t may be
// lower is the caller's business: the correct election never asks.
func (n *node) adopt(t uint64) {
	if t == n.term {
		return
	}
	n.log.Debug("new term", "from", n.term, "to", t, "was", n.role)
	n.term, n.votedFor = t, impl.None
	n.persist()
	n.follow(impl.None)
}

// onReplyTerm applies the term a reply carries, by v.AdoptReplyTerm.
func (n *node) onReplyTerm(t uint64) {
	if n.v.AdoptReplyTerm(n.term, t) {
		n.adopt(t)
	}
}

// follow makes the node a follower of leader (None if it does not know
// one), with a fresh election timeout: a deposed leader or candidate must
// not time out at once on a deadline drawn before it stepped down.
func (n *node) follow(leader int) {
	n.role, n.leader, n.elections, n.votes = impl.Follower, leader, 0, nil
	n.resetTimer()
}

// persist saves the term and vote through the variant's Persist.
func (n *node) persist() {
	n.v.Persist(n.store, impl.HardState{Term: n.term, VotedFor: n.votedFor})
}

// resetTimer draws the next election timeout, counted from now.
func (n *node) resetTimer() {
	n.deadline = n.now + n.v.ElectionTimeout(n.rand)
}

package stateonly

import "github.com/ballot-go/ballot/impl"

// catchUp adopts a term seen in an RPC if it is newer than ours (§5.1): the
// node forgets its vote and follows, and saves both before it answers or
// acts on anything else.
func (n *node) catchUp(term uint64) {
	if term <= n.term {
		return
	}
	wasLeader := n.role == leader
	n.term, n.votedFor, n.role = term, impl.None, follower
	n.save()
	if wasLeader {
		n.resetElectionTimer() // the timer was counting heartbeats
	}
}

// save writes term and vote to storage if they changed.
func (n *node) save() {
	hs := impl.HardState{Term: n.term, VotedFor: n.votedFor}
	if hs != n.saved {
		n.env.Storage.SetHardState(hs)
		n.saved = hs
	}
}

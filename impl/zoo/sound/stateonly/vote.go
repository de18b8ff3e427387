package stateonly

import "github.com/ballot-go/ballot/impl"

// campaign starts an election in the next term, voting for itself (§5.2).
// Term and vote are saved before any request goes out.
func (n *node) campaign() {
	n.term++
	n.votedFor = n.env.ID
	n.role = candidate
	n.save()
	n.votes = map[int]bool{n.env.ID: true}
	n.resetElectionTimer() // a split vote times out and tries again
	n.env.Logger.Debug("campaign", "term", n.term)
	for _, p := range n.others {
		call[VoteArgs, VoteReply](n, p, requestVote, VoteArgs{Term: n.term, Candidate: n.env.ID})
	}
	n.tally()
}

// onRequestVote grants at most one vote per term, first come first served,
// and saves it before the answer leaves.
func (n *node) onRequestVote(args VoteArgs) VoteReply {
	n.catchUp(args.Term)
	free := n.votedFor == impl.None || n.votedFor == args.Candidate
	if args.Term != n.term || !free {
		return VoteReply{Term: n.term}
	}
	n.votedFor = args.Candidate
	n.save()
	// A candidate this node just voted for deserves time to win.
	n.resetElectionTimer()
	return VoteReply{Term: n.term, Granted: true}
}

// onVoteReply counts a vote, provided it answers the campaign under way:
// one from an earlier campaign proves nothing about this one.
func (n *node) onVoteReply(o outcome[VoteArgs, VoteReply]) {
	n.catchUp(o.reply.Term)
	if n.role != candidate || o.args.Term != n.term || !o.reply.Granted {
		return
	}
	n.votes[o.peer] = true
	n.tally()
}

// tally makes a candidate with a majority of votes the leader.
func (n *node) tally() {
	if n.role == candidate && n.majority(len(n.votes)) {
		n.becomeLeader()
	}
}

package stateonly

// becomeLeader takes the lead and asserts it at once, before another
// node's timer can fire.
func (n *node) becomeLeader() {
	n.role = leader
	n.votes = nil
	n.env.Logger.Debug("leading", "term", n.term)
	n.heartbeat()
}

// heartbeat sends one round of empty AppendEntries and arms the next.
func (n *node) heartbeat() {
	for _, p := range n.others {
		call[AppendArgs, AppendReply](n, p, appendEntries, AppendArgs{Term: n.term, Leader: n.env.ID})
	}
	n.wake.Reset(heartbeatInterval)
}

// onAppendEntries accepts the sender as the leader of the current term and
// holds off this node's election.
func (n *node) onAppendEntries(args AppendArgs) AppendReply {
	n.catchUp(args.Term)
	if args.Term != n.term {
		return AppendReply{Term: n.term} // a deposed leader learns the term
	}
	if n.role == leader {
		// Two leaders in one term: some node broke the rules. Keep
		// leading and let the checkers see it.
		n.env.Logger.Error("heartbeat from another leader of my term", "from", args.Leader, "term", n.term)
		return AppendReply{Term: n.term}
	}
	n.role = follower // a candidate of this term lost (§5.2)
	n.votes = nil
	n.resetElectionTimer()
	return AppendReply{Term: n.term, Success: true}
}

// onAppendReply only looks for a newer term: without a log, a successful
// heartbeat carries no news.
func (n *node) onAppendReply(o outcome[AppendArgs, AppendReply]) {
	n.catchUp(o.reply.Term)
}

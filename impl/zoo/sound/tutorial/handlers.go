package tutorial

import "time"

// RequestVote is the RequestVote RPC (Raft Figure 2).
func (cm *ConsensusModule) RequestVote(args RequestVoteArgs, reply *RequestVoteReply) error {
	cm.mu.Lock()
	defer cm.mu.Unlock()
	if cm.state == Dead {
		return errDead
	}
	cm.dlog("vote requested", "args", args, "votedFor", cm.votedFor)

	if args.Term > cm.currentTerm {
		cm.becomeFollower(args.Term) // a newer term wins over any role (§5.1)
	}

	if cm.currentTerm == args.Term &&
		(cm.votedFor == -1 || cm.votedFor == args.CandidateId) {
		reply.VoteGranted = true
		cm.votedFor = args.CandidateId
		// Granting a vote counts as hearing from a live candidate, so this
		// server does not start a rival election straight away.
		cm.electionResetEvent = time.Now()
		cm.report()
	} else {
		reply.VoteGranted = false
	}
	reply.Term = cm.currentTerm
	cm.dlog("vote answered", "reply", *reply)
	return nil
}

// AppendEntries is the AppendEntries RPC; with no log, only a heartbeat.
func (cm *ConsensusModule) AppendEntries(args AppendEntriesArgs, reply *AppendEntriesReply) error {
	cm.mu.Lock()
	defer cm.mu.Unlock()
	if cm.state == Dead {
		return errDead
	}
	cm.dlog("heartbeat received", "args", args)

	if args.Term > cm.currentTerm {
		cm.becomeFollower(args.Term) // a newer term wins over any role (§5.1)
	}

	reply.Success = false
	if args.Term == cm.currentTerm {
		if cm.state != Follower {
			// A candidate of this term lost to the sender (§5.2).
			cm.becomeFollower(args.Term)
		}
		cm.leaderId = args.LeaderId
		cm.electionResetEvent = time.Now()
		cm.report()
		reply.Success = true
	}
	reply.Term = cm.currentTerm
	cm.dlog("heartbeat answered", "reply", *reply)
	return nil
}

package appendlog

// AppendEntriesArgs is the AppendEntries RPC's arguments (Figure 2).
type AppendEntriesArgs struct {
	Term         int
	LeaderId     int
	PrevLogIndex int
	PrevLogTerm  int
	Entries      []Entry
	LeaderCommit int
}

// AppendEntriesReply is the AppendEntries RPC's reply (Figure 2).
type AppendEntriesReply struct {
	Term    int
	Success bool
}

// AppendEntries is the AppendEntries RPC handler (Figure 2): a leader of
// our term or a newer one keeps us a follower and restarts the election
// timer; its entries are merged if our log holds its PrevLogIndex entry,
// and refused otherwise, so that it backs up and tries again.
func (rf *Raft) AppendEntries(args *AppendEntriesArgs, reply *AppendEntriesReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()

	if args.Term < rf.currentTerm {
		reply.Term = rf.currentTerm // a stale leader, which steps down on reading it
		return
	}
	changed := false
	if args.Term > rf.currentTerm {
		rf.becomeFollower(args.Term)
		changed = true
	}
	rf.role = follower // a candidate of this term has lost
	signal(rf.heard)
	reply.Term = rf.currentTerm

	reply.Success = rf.hasEntry(args.PrevLogIndex, args.PrevLogTerm)
	if reply.Success && rf.merge(args.PrevLogIndex, args.Entries) {
		changed = true
	}
	if changed {
		rf.persist() // before the reply leaves
	}
	if reply.Success {
		// Only what this call vouched for: entries past it may still be
		// stale ones from an older leader.
		rf.commitTo(min(args.LeaderCommit, args.PrevLogIndex+len(args.Entries)))
	}
}

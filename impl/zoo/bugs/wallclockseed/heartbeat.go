package wallclockseed

import "time"

// AppendEntriesArgs is the AppendEntries RPC's arguments; Lab 3A sends it
// empty, as a heartbeat.
type AppendEntriesArgs struct {
	Term     int
	LeaderId int
}

// AppendEntriesReply is the AppendEntries RPC's reply.
type AppendEntriesReply struct {
	Term    int
	Success bool
}

// AppendEntries follows a leader of this term or a newer one.
func (rf *Raft) AppendEntries(args *AppendEntriesArgs, reply *AppendEntriesReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if args.Term < rf.currentTerm {
		reply.Term = rf.currentTerm
		return
	}
	if args.Term > rf.currentTerm {
		rf.becomeFollower(args.Term)
	}
	rf.state = follower // a candidate of the same term steps down
	rf.resetElectionTimer()
	reply.Term, reply.Success = rf.currentTerm, true
}

// broadcastHeartbeats sends an empty AppendEntries to every peer in
// parallel. Call with rf.mu held.
func (rf *Raft) broadcastHeartbeats() {
	rf.lastHeartbeat = time.Now()
	args := AppendEntriesArgs{Term: rf.currentTerm, LeaderId: rf.me}
	for i := range rf.peers {
		if i == rf.me {
			continue
		}
		go func(server int) {
			a := args
			var reply AppendEntriesReply
			if !rf.peers[server].Call("Raft.AppendEntries", &a, &reply) {
				return
			}
			rf.mu.Lock()
			defer rf.mu.Unlock()
			if !rf.killed() && reply.Term > rf.currentTerm {
				rf.becomeFollower(reply.Term)
			}
		}(i)
	}
}

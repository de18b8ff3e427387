package lab2025

import "time"

// HeartbeatInterval is the course's limit of ten heartbeats per second,
// used to the full.
const HeartbeatInterval = 100 * time.Millisecond

// AppendEntriesArgs is the AppendEntries RPC's arguments. Lab 3A sends
// only heartbeats: an empty log at index 0.
type AppendEntriesArgs struct {
	Term         int
	LeaderId     int
	PrevLogIndex int
	PrevLogTerm  int
	LeaderCommit int
}

// AppendEntriesReply is the AppendEntries RPC's reply.
type AppendEntriesReply struct {
	Term    int
	Success bool
}

// AppendEntries is the AppendEntries RPC handler: a heartbeat from a
// leader of our term or a newer one keeps us a follower and pushes the
// election deadline back.
func (rf *Raft) AppendEntries(args *AppendEntriesArgs, reply *AppendEntriesReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	defer rf.persistIfChanged(rf.hardState()) // before the reply leaves

	if args.Term > rf.currentTerm {
		rf.stepDown(args.Term)
	}
	reply.Term = rf.currentTerm
	if args.Term < rf.currentTerm {
		return // a stale leader, which steps down on reading reply.Term
	}
	rf.role = Follower // a candidate of this term has lost
	rf.resetElectionDeadline()
	reply.Success = true
}

// lead is the heartbeat goroutine of one leadership, started by win: it
// sends a round at once and one every HeartbeatInterval after, and returns
// the first time it wakes to find this peer killed or no longer leading
// term. A later leadership gets a goroutine of its own, so this one never
// needs to tell its term from the next.
func (rf *Raft) lead(term int) {
	for !rf.killed() {
		rf.mu.Lock()
		if rf.role != Leader || rf.currentTerm != term {
			rf.mu.Unlock()
			return
		}
		args := AppendEntriesArgs{Term: term, LeaderId: rf.me}
		rf.mu.Unlock()

		for peer := range rf.peers {
			if peer != rf.me {
				go rf.heartbeat(peer, args)
			}
		}
		time.Sleep(HeartbeatInterval)
	}
}

// heartbeat sends one heartbeat; a reply from a newer term deposes us.
func (rf *Raft) heartbeat(peer int, args AppendEntriesArgs) {
	var reply AppendEntriesReply
	if !rf.peers[peer].Call("Raft.AppendEntries", &args, &reply) {
		return
	}
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if reply.Term > rf.currentTerm {
		rf.stepDown(reply.Term)
		rf.persist()
	}
}

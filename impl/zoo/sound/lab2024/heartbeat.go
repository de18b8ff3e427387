package lab2024

import "time"

// HeartbeatInterval is the course's limit of ten heartbeats per second,
// used to the full.
const HeartbeatInterval = 100 * time.Millisecond

// AppendEntriesArgs is the AppendEntries RPC's arguments. Lab 3A sends
// only heartbeats, so the log fields of Figure 2 are left out.
type AppendEntriesArgs struct {
	Term     int
	LeaderId int
}

// AppendEntriesReply is the AppendEntries RPC's reply.
type AppendEntriesReply struct {
	Term    int
	Success bool
}

// AppendEntries is the AppendEntries RPC handler: a heartbeat from a
// leader of our term or a newer one resets the election timer.
func (rf *Raft) AppendEntries(args *AppendEntriesArgs, reply *AppendEntriesReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()

	if args.Term < rf.currentTerm {
		reply.Term = rf.currentTerm // the stale leader steps down on reading it
		reply.Success = false
		return
	}
	if args.Term > rf.currentTerm {
		rf.convertToFollower(args.Term)
		rf.persist()
	}
	// A leader of this term exists, so a candidate of this term has lost.
	rf.state = Follower
	rf.resetElectionTimer()
	reply.Term = rf.currentTerm
	reply.Success = true
}

func (rf *Raft) sendAppendEntries(server int, args *AppendEntriesArgs, reply *AppendEntriesReply) bool {
	ok := rf.peers[server].Call("Raft.AppendEntries", args, reply)
	return ok
}

// heartbeater runs for the peer's whole life and, while it leads, sends a
// round of heartbeats HeartbeatInterval after the previous one, the first
// round being the one becomeLeader sent. Rounds are never closer than the
// interval, so no follower hears more than ten a second from one leader.
// Idle, it checks every interval whether it has started leading.
func (rf *Raft) heartbeater() {
	for !rf.killed() {
		rf.mu.Lock()
		wait := HeartbeatInterval
		if rf.state == Leader {
			if due := rf.lastBroadcast.Add(HeartbeatInterval); time.Now().Before(due) {
				wait = time.Until(due) // won since we last looked
			} else {
				rf.broadcastHeartbeat()
			}
		}
		rf.mu.Unlock()
		time.Sleep(wait)
	}
}

// broadcastHeartbeat sends an empty AppendEntries to every peer, each in a
// goroutine of its own, so that a slow peer delays nobody. Call with rf.mu
// held.
func (rf *Raft) broadcastHeartbeat() {
	rf.lastBroadcast = time.Now()
	args := AppendEntriesArgs{Term: rf.currentTerm, LeaderId: rf.me}
	for server := range rf.peers {
		if server != rf.me {
			go rf.sendHeartbeat(server, args)
		}
	}
}

// sendHeartbeat sends one heartbeat; a reply from a newer term deposes us.
func (rf *Raft) sendHeartbeat(server int, args AppendEntriesArgs) {
	reply := AppendEntriesReply{}
	if !rf.sendAppendEntries(server, &args, &reply) {
		return
	}
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if reply.Term > rf.currentTerm {
		rf.convertToFollower(reply.Term)
		rf.persist()
	}
}

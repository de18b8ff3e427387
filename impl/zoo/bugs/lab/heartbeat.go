package lab

import "time"

// AppendEntriesArgs is the AppendEntries RPC's arguments. Lab 3A sends it
// empty, as a heartbeat, so the log fields of Figure 2 are left out.
type AppendEntriesArgs struct {
	Term     int
	LeaderId int
}

// AppendEntriesReply is the AppendEntries RPC's reply.
type AppendEntriesReply struct {
	Term    int
	Success bool
}

// AppendEntries is the AppendEntries RPC handler. A heartbeat of an older
// term is refused, and the reply's term tells the deposed leader so.
func (rf *Raft) AppendEntries(args *AppendEntriesArgs, reply *AppendEntriesReply) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	rf.ObserveTerm(args.Term)
	reply.Term = rf.currentTerm
	if args.Term < rf.currentTerm {
		return
	}
	rf.v.Follow(rf)
	reply.Success = true
}

// Follow obeys the leader of the current term: a candidate gives way, and
// the election timer starts over, since the leader is alive. The vote
// stays: it was cast in this term, which is not over.
func Follow(rf *Raft) {
	rf.BecomeFollower()
	rf.ResetElectionTimer()
}

// Heartbeats is the heartbeat goroutine: until Kill, it looks every
// TickStep whether a round of heartbeats is due.
func Heartbeats(rf *Raft) {
	for !rf.Killed() {
		rf.Pulse()
		time.Sleep(TickStep)
	}
}

// Pulse sends a round of heartbeats if this peer leads and its last round
// is a heartbeat interval old. It takes the lock itself.
func (rf *Raft) Pulse() {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.role == leader && time.Since(rf.lastBeat) >= rf.v.HeartbeatInterval {
		rf.broadcast()
	}
}

// broadcast sends an empty AppendEntries to every other peer, each in a
// goroutine of its own, and steps down if a reply shows a newer term. Call
// with the lock held.
func (rf *Raft) broadcast() {
	rf.lastBeat = time.Now()
	args := AppendEntriesArgs{Term: rf.currentTerm, LeaderId: rf.me}
	for peer, end := range rf.peers {
		if peer == rf.me {
			continue
		}
		go func() {
			var reply AppendEntriesReply
			if !end.Call("Raft.AppendEntries", &args, &reply) {
				return
			}
			rf.mu.Lock()
			defer rf.mu.Unlock()
			rf.ObserveTerm(reply.Term)
		}()
	}
}

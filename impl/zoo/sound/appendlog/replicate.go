package appendlog

import (
	"slices"
	"time"
)

// broadcast starts a round: each follower is sent what it lacks from its
// nextIndex on, which is nothing (a plain heartbeat) for one that is up to
// date. Call with rf.mu held.
func (rf *Raft) broadcast() {
	rf.lastBroadcast = time.Now()
	for peer := range rf.peers {
		if peer != rf.me {
			go rf.replicate(peer, rf.currentTerm)
		}
	}
}

// replicate sends peer one AppendEntries of term and, each time the peer
// rejects it for a log mismatch, another at once with nextIndex one lower,
// until the logs meet, the call is lost, or this peer no longer leads term.
func (rf *Raft) replicate(peer, term int) {
	for {
		args, ok := rf.appendArgs(peer, term)
		if !ok {
			return
		}
		var reply AppendEntriesReply
		if !rf.peers[peer].Call("Raft.AppendEntries", &args, &reply) {
			return // the next round tries again
		}
		if !rf.handleAppendReply(peer, &args, &reply) {
			return
		}
	}
}

// appendArgs builds the AppendEntries for peer, or reports false if this
// peer no longer leads term. The entries are copied: the log may be cut
// and rewritten once the lock is released.
func (rf *Raft) appendArgs(peer, term int) (AppendEntriesArgs, bool) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.killed() || rf.role != leader || rf.currentTerm != term {
		return AppendEntriesArgs{}, false
	}
	prev := rf.nextIndex[peer] - 1
	return AppendEntriesArgs{
		Term:         term,
		LeaderId:     rf.me,
		PrevLogIndex: prev,
		PrevLogTerm:  rf.log[prev].Term,
		Entries:      slices.Clone(rf.log[prev+1:]),
		LeaderCommit: rf.commitIndex,
	}, true
}

// handleAppendReply updates nextIndex and matchIndex from peer's answer
// to args, and reports whether to send again at once.
//
// Replies can arrive late and out of order, several rounds being in
// flight: a reply to an older leadership is ignored, matchIndex only
// grows, and a rejection backs nextIndex up only if nextIndex is still
// where args left it (otherwise another reply has moved it, and the
// goroutine that moved it carries on).
func (rf *Raft) handleAppendReply(peer int, args *AppendEntriesArgs, reply *AppendEntriesReply) bool {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if reply.Term > rf.currentTerm {
		rf.becomeFollower(reply.Term)
		rf.persist()
		return false
	}
	if rf.killed() || rf.role != leader || rf.currentTerm != args.Term {
		return false
	}
	if reply.Success {
		match := args.PrevLogIndex + len(args.Entries)
		if match > rf.matchIndex[peer] {
			rf.matchIndex[peer] = match
			rf.advanceCommit()
		}
		rf.nextIndex[peer] = max(rf.nextIndex[peer], match+1)
		return false
	}
	if rf.nextIndex[peer] != args.PrevLogIndex+1 || rf.nextIndex[peer] <= rf.matchIndex[peer]+1 {
		return false
	}
	rf.nextIndex[peer]--
	return true
}

// advanceCommit commits the highest index that a majority holds, if that
// entry is of the current term: entries of earlier terms commit only
// beneath one of ours (§5.4.2). Call with rf.mu held, as leader.
func (rf *Raft) advanceCommit() {
	for n := rf.lastIndex(); n > rf.commitIndex && rf.log[n].Term == rf.currentTerm; n-- {
		holders := 0
		for _, m := range rf.matchIndex {
			if m >= n {
				holders++
			}
		}
		if holders > len(rf.peers)/2 {
			rf.commitTo(n)
			return
		}
	}
}

// commitTo raises commitIndex to n and wakes the applier. It never lowers
// it. Call with rf.mu held.
func (rf *Raft) commitTo(n int) {
	if n > rf.commitIndex {
		rf.commitIndex = n
		signal(rf.committed)
	}
}

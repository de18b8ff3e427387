package tutorial

import "time"

// heartbeatInterval is the tutorial's 50 ms: 20 heartbeats a second to each
// follower, which Raft allows; this module promises no budget.
const heartbeatInterval = 50 * time.Millisecond

// startLeader switches the module to Leader and starts its heartbeat loop.
// Expects cm.mu to be locked.
func (cm *ConsensusModule) startLeader() {
	cm.state = Leader
	cm.leaderId = cm.id
	cm.report()
	cm.dlog("leading", "term", cm.currentTerm)
	go cm.runHeartbeats(cm.currentTerm)
}

// runHeartbeats sends heartbeats, the first at once so that no other
// server's timer fires first, until the module no longer leads term. One
// heartbeat interval at most passes before it notices.
func (cm *ConsensusModule) runHeartbeats(term int) {
	ticker := time.NewTicker(heartbeatInterval)
	defer ticker.Stop()
	for {
		cm.leaderSendHeartbeats()
		<-ticker.C
		if !cm.leads(term) {
			return
		}
	}
}

func (cm *ConsensusModule) leads(term int) bool {
	cm.mu.Lock()
	defer cm.mu.Unlock()
	return cm.state == Leader && cm.currentTerm == term
}

// leaderSendHeartbeats sends one round of heartbeats, each call in a
// goroutine of its own.
func (cm *ConsensusModule) leaderSendHeartbeats() {
	cm.mu.Lock()
	if cm.state != Leader {
		cm.mu.Unlock()
		return
	}
	savedCurrentTerm := cm.currentTerm
	cm.mu.Unlock()

	for _, peerId := range cm.peerIds {
		go cm.sendHeartbeat(peerId, savedCurrentTerm)
	}
}

// sendHeartbeat sends one heartbeat and steps down if the reply shows a
// later term (§5.1).
func (cm *ConsensusModule) sendHeartbeat(peerId, savedCurrentTerm int) {
	args := AppendEntriesArgs{Term: savedCurrentTerm, LeaderId: cm.id}
	var reply AppendEntriesReply
	if !cm.call(peerId, "AppendEntries", args, &reply) {
		return
	}
	cm.mu.Lock()
	defer cm.mu.Unlock()
	// A reply may come back after Stop; a dead module must stay dead.
	if cm.state != Dead && reply.Term > cm.currentTerm {
		cm.dlog("a follower is ahead: stepping down", "term", reply.Term)
		cm.becomeFollower(reply.Term)
	}
}

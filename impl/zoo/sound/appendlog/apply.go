package appendlog

import "github.com/ballot-go/ballot/impl/labrpc"

// applier sends committed entries on applyCh, in order, each once per
// incarnation. It waits on rf.committed rather than polling, and on
// rf.done, so it ends as soon as Kill closes that, even in the middle of a
// backlog.
func (rf *Raft) applier() {
	for {
		select {
		case <-rf.done:
			return
		case <-rf.committed:
		}
		for {
			msg, ok := rf.nextToApply()
			if !ok {
				break
			}
			select {
			case rf.applyCh <- msg:
			case <-rf.done:
				return
			}
		}
	}
}

// nextToApply takes the next committed entry not yet applied, if any.
// A leader's no-op goes out too, with a nil Command.
func (rf *Raft) nextToApply() (labrpc.ApplyMsg, bool) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.lastApplied >= rf.commitIndex {
		return labrpc.ApplyMsg{}, false
	}
	rf.lastApplied++
	return labrpc.ApplyMsg{
		CommandValid: true,
		Command:      rf.log[rf.lastApplied].Command,
		CommandIndex: rf.lastApplied,
	}, true
}

package appendlog

// Entry is one log entry. Command is nil for a leader's no-op.
type Entry struct {
	Term    int
	Command interface{}
}

// The log starts with a sentinel of term 0 at index 0, so an entry's index
// is its position in rf.log and PrevLogIndex 0 always matches. All these
// methods are called with rf.mu held.

func (rf *Raft) lastIndex() int { return len(rf.log) - 1 }

func (rf *Raft) lastTerm() int { return rf.log[len(rf.log)-1].Term }

// hasEntry reports whether the log holds an entry of term at index.
func (rf *Raft) hasEntry(index, term int) bool {
	return index <= rf.lastIndex() && rf.log[index].Term == term
}

// upToDate is §5.4.1: a candidate's log ending at (lastIndex, lastTerm) is
// at least as up to date as ours if its last term is later, or the same
// and its log at least as long.
func (rf *Raft) upToDate(lastIndex, lastTerm int) bool {
	if lastTerm != rf.lastTerm() {
		return lastTerm > rf.lastTerm()
	}
	return lastIndex >= rf.lastIndex()
}

// appendOwn appends a leader's entry of its current term, saves the log,
// and counts the entry as replicated here. It returns the entry's index.
func (rf *Raft) appendOwn(command interface{}) int {
	rf.log = append(rf.log, Entry{Term: rf.currentTerm, Command: command})
	rf.persist()
	rf.matchIndex[rf.me] = rf.lastIndex()
	rf.advanceCommit() // a cluster of one commits on its own
	return rf.lastIndex()
}

// merge writes entries after index prev, which the caller has checked
// matches the leader's. Entries that agree are kept: only a conflicting
// entry and those after it are dropped (Figure 2, AppendEntries rule 3), so
// a delayed or duplicated AppendEntries never cuts off entries a newer one
// added. It reports whether the log changed.
func (rf *Raft) merge(prev int, entries []Entry) bool {
	for i, e := range entries {
		index := prev + 1 + i
		if index <= rf.lastIndex() {
			if rf.log[index].Term == e.Term {
				continue
			}
			rf.log = rf.log[:index]
		}
		rf.log = append(rf.log, entries[i:]...)
		return true
	}
	return false
}

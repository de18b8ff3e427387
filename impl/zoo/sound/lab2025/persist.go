package lab2025

import (
	"bytes"
	"fmt"

	"github.com/ballot-go/ballot/impl/labrpc/labgob"
)

// hardState is Figure 2's persistent state as one value, the unit that is
// saved and compared. Lab 3A has no log to add.
type hardState struct {
	Term     int
	VotedFor int
}

// hardState returns the current persistent state. Call with rf.mu held.
func (rf *Raft) hardState() hardState {
	return hardState{Term: rf.currentTerm, VotedFor: rf.votedFor}
}

// persist saves the persistent state. Call with rf.mu held, before
// anything that depends on it leaves this peer.
func (rf *Raft) persist() {
	w := new(bytes.Buffer)
	if err := labgob.NewEncoder(w).Encode(rf.hardState()); err != nil {
		panic(fmt.Sprintf("persist: %v", err)) // two ints always encode
	}
	rf.persister.Save(w.Bytes(), nil)
}

// persistIfChanged saves the persistent state if it differs from before:
// handlers take a copy on entry and call this on the way out, so a request
// that changes nothing costs no write. Call with rf.mu held.
func (rf *Raft) persistIfChanged(before hardState) {
	if rf.hardState() != before {
		rf.persist()
	}
}

// readPersist restores what persist saved. Bytes that do not decode were
// not written by persist: rather than run with a forgotten vote, Make
// panics, which the framework reports as the node's failure.
func (rf *Raft) readPersist(data []byte) {
	if len(data) == 0 {
		return // a fresh peer
	}
	var hs hardState
	if err := labgob.NewDecoder(bytes.NewBuffer(data)).Decode(&hs); err != nil {
		panic(fmt.Sprintf("readPersist: %v", err))
	}
	rf.currentTerm, rf.votedFor = hs.Term, hs.VotedFor
}

// PersistBytes reports how many bytes the saved state takes, as the 2025
// skeleton's tester asks.
func (rf *Raft) PersistBytes() int {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	return rf.persister.RaftStateSize()
}

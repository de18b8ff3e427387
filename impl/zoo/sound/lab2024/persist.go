package lab2024

import (
	"bytes"
	"fmt"

	"github.com/ballot-go/ballot/impl/labrpc/labgob"
)

// persist saves currentTerm and votedFor, Figure 2's persistent state (Lab
// 3A has no log). Call with rf.mu held, before replying to or sending
// anything that depends on the new values. Encoding two ints into memory
// cannot fail, so the errors are not checked, as in the skeleton.
func (rf *Raft) persist() {
	w := new(bytes.Buffer)
	e := labgob.NewEncoder(w)
	e.Encode(rf.currentTerm)
	e.Encode(rf.votedFor)
	raftstate := w.Bytes()
	rf.persister.Save(raftstate, nil)
}

// readPersist restores what persist saved. Bytes that do not decode were
// not written by persist: rather than run with a forgotten vote, Make
// panics, which the framework reports as the node's failure.
func (rf *Raft) readPersist(data []byte) {
	if len(data) < 1 { // bootstrap without any state
		return
	}
	r := bytes.NewBuffer(data)
	d := labgob.NewDecoder(r)
	var currentTerm int
	var votedFor int
	if err := d.Decode(&currentTerm); err != nil {
		panic(fmt.Sprintf("readPersist: currentTerm: %v", err))
	}
	if err := d.Decode(&votedFor); err != nil {
		panic(fmt.Sprintf("readPersist: votedFor: %v", err))
	}
	rf.currentTerm = currentTerm
	rf.votedFor = votedFor
}

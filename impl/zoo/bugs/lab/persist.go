package lab

import (
	"bytes"

	"github.com/ballot-go/ballot/impl/labrpc/labgob"
)

// persist saves currentTerm and votedFor. Call with the lock held.
func (rf *Raft) persist() {
	w := new(bytes.Buffer)
	e := labgob.NewEncoder(w)
	if err := e.Encode(rf.currentTerm); err != nil {
		panic(err)
	}
	if err := e.Encode(rf.votedFor); err != nil {
		panic(err)
	}
	rf.persister.Save(w.Bytes(), nil)
}

// readPersist restores what persist saved; a fresh peer has nothing.
func (rf *Raft) readPersist(data []byte) {
	if len(data) == 0 {
		return
	}
	d := labgob.NewDecoder(bytes.NewBuffer(data))
	var currentTerm, votedFor int
	if d.Decode(&currentTerm) != nil || d.Decode(&votedFor) != nil {
		panic("lab: cannot decode the persisted state")
	}
	rf.currentTerm, rf.votedFor = currentTerm, votedFor
}

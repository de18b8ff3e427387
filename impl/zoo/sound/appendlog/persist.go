package appendlog

import (
	"bytes"
	"fmt"

	"github.com/ballot-go/ballot/impl/labrpc/labgob"
)

// persist saves currentTerm, votedFor and the log. Call with rf.mu held,
// before anything that depends on them leaves this peer. A command whose
// type gob cannot encode (a struct never passed to labgob.Register) makes
// it panic: a log that cannot be saved cannot be kept.
func (rf *Raft) persist() {
	w := new(bytes.Buffer)
	e := labgob.NewEncoder(w)
	for _, v := range []any{rf.currentTerm, rf.votedFor, rf.log} {
		if err := e.Encode(v); err != nil {
			panic(fmt.Sprintf("persist: %v", err))
		}
	}
	rf.persister.Save(w.Bytes(), nil)
}

// readPersist restores what persist saved. Bytes that do not decode were
// not written by persist: rather than run with a forgotten vote or log,
// Make panics, which the framework reports as the node's failure.
func (rf *Raft) readPersist(data []byte) {
	if len(data) == 0 {
		return // a fresh peer
	}
	d := labgob.NewDecoder(bytes.NewBuffer(data))
	var term, votedFor int
	var log []Entry
	for _, v := range []any{&term, &votedFor, &log} {
		if err := d.Decode(v); err != nil {
			panic(fmt.Sprintf("readPersist: %v", err))
		}
	}
	if len(log) == 0 {
		panic("readPersist: the saved log lacks its sentinel entry")
	}
	rf.currentTerm, rf.votedFor, rf.log = term, votedFor, log
}

// Package labgob stands in for 6.5840's labgob: encoding/gob, plus the
// warnings that catch the two classic mistakes of gob-encoded Raft state.
//
//   - A lower-case (unexported) field of a struct that is encoded, decoded
//     or registered is silently skipped by gob. labgob prints, once per
//     type: "labgob warning: lower-case field F of T in RPC or
//     persist/snapshot will break your Raft".
//   - gob leaves a destination field untouched when the encoded value is
//     zero, so decoding into a variable that is not at its zero value may
//     keep stale data (typically a reused RPC reply, or restoring persisted
//     state into fields already set). labgob prints, once per decoded type:
//     "labgob warning: Decoding into a non-default variable/field F may not
//     work".
//
// The warnings go to standard error. Port 6.5840 code by changing the import
// "6.5840/labgob" to "github.com/ballot-go/ballot/impl/labrpc/labgob".
//
// persist() in 6.5840 style:
//
//	w := new(bytes.Buffer)
//	e := labgob.NewEncoder(w)
//	e.Encode(rf.currentTerm)
//	e.Encode(rf.votedFor)
//	rf.persister.Save(w.Bytes(), nil)
package labgob

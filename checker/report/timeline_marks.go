package report

import (
	"github.com/ballot-go/ballot/checker"
)

// Mark types, as the script knows them.
const (
	markLog = iota
	markNote
	markLeak
	markStuck
)

// mark is a tick on a lane: a node's log line, a note, a leak or a stuck
// node. Notes of no node (and events of nodes without a lane) go on the
// harness lane, node -1.
type mark struct {
	at   int64
	node int
	typ  int
	text string
}

// markList encodes as [[at, node, type, text], …].
type markList []mark

func (l markList) MarshalJSON() ([]byte, error) {
	return tuples(len(l), func(b []byte, i int) []byte {
		m := &l[i]
		return appendMixed(b, []int64{m.at, int64(m.node), int64(m.typ)}, m.text)
	})
}

func marks(events []checker.Event, lanes int) markList {
	var out markList
	for i := range events {
		e := &events[i]
		typ := markLog
		switch e.Type {
		case checker.Log:
		case checker.Note:
			typ = markNote
		case checker.Leak:
			typ = markLeak
		case checker.Stuck:
			typ = markStuck
		default:
			continue
		}
		node := e.Node
		if !onLane(node, lanes) {
			node = -1
		}
		out = append(out, mark{at: int64(e.At), node: node, typ: typ, text: clip(e.Detail)})
	}
	return out
}

package checker

import "fmt"

// MaxNodes is the largest cluster that checkers sizing their state by
// History.Nodes (Stability, LeaderHasQuorum) accept; beyond it they return
// Unknown rather than trust a corrupt node count with their memory.
const MaxNodes = 1 << 12

// sizeReason says why a node count cannot be checked, or "" if it can.
func sizeReason(nodes, limit int) string {
	switch {
	case nodes <= 0:
		return "history does not say how many nodes there are"
	case nodes > limit:
		return fmt.Sprintf("history claims %d nodes; this checker handles at most %d", nodes, limit)
	}
	return ""
}

// table holds per-node state keyed by node id. Ids come from the history and
// are not trusted: a small non-negative id indexes a slice, anything else
// (negative, huge) falls back to a map, so no input can panic or exhaust
// memory. Entries are pointers, so one stays valid while others are added.
type table[T any] struct {
	init   T
	dense  []*T
	sparse map[int]*T
}

// denseIDs bounds the ids kept in the slice.
const denseIDs = 1 << 12

func newTable[T any](nodes int, init T) *table[T] {
	return &table[T]{init: init, dense: make([]*T, min(max(nodes, 0), denseIDs))}
}

// at returns node id's entry, creating it from init on first use.
func (t *table[T]) at(id int) *T {
	if id >= 0 && id < denseIDs {
		if id >= len(t.dense) {
			t.dense = append(t.dense, make([]*T, id+1-len(t.dense))...)
		}
		if t.dense[id] == nil {
			v := t.init
			t.dense[id] = &v
		}
		return t.dense[id]
	}
	if t.sparse == nil {
		t.sparse = make(map[int]*T)
	}
	p, ok := t.sparse[id]
	if !ok {
		v := t.init
		p = &v
		t.sparse[id] = p
	}
	return p
}

package faults

import (
	"iter"

	"github.com/ballot-go/ballot/impl"
)

// HighestLeader is the one leader choice every network and the harness
// make: among the statuses given (the nodes that are up), the node that
// believes it leads the highest term. Two leaders of one term are a safety
// violation, which the checkers report; here the lower id wins. It returns
// impl.None when no node leads.
func HighestLeader(statuses iter.Seq2[int, impl.Status]) (node int, term uint64) {
	node = impl.None
	for n, s := range statuses {
		if s.Role == impl.Leader && (node == impl.None || s.Term > term) {
			node, term = n, s.Term
		}
	}
	return node, term
}

package report

import (
	"cmp"
	"slices"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/impl"
)

// seg is a stretch of time over which a node's observed Status held still.
// A new seg starts on any change, not only of role, so that the tooltip can
// say whom the node followed and voted for: that is what a double vote or a
// split brain turns on.
type seg struct {
	node       int
	start, end int64
	st         impl.Status
}

// segList encodes as [[node, start, end, role, term, leader, votedFor], …].
type segList []seg

func (l segList) MarshalJSON() ([]byte, error) {
	return tuples(len(l), func(b []byte, i int) []byte {
		s := &l[i]
		return appendInts(b, int64(s.node), s.start, s.end, int64(s.st.Role),
			int64(s.st.Term), int64(s.st.Leader), int64(s.st.VotedFor))
	})
}

// roleSegments cuts each lane into segs from its Observe events; a node's
// last status holds until end. Before its first Observe a node's role is
// unknown and it has no seg.
func roleSegments(events []checker.Event, lanes int, end int64) segList {
	var out segList
	open := make([]*seg, lanes)
	for i := range events {
		e := &events[i]
		if e.Type != checker.Observe || !onLane(e.Node, lanes) {
			continue
		}
		st := e.Status
		st.ID = e.Node // the event's node is the observed one
		cur := open[e.Node]
		if cur != nil && cur.st == st {
			continue
		}
		at := int64(e.At)
		if cur != nil {
			cur.end = max(at, cur.start)
			out = append(out, *cur)
		}
		open[e.Node] = &seg{node: e.Node, start: at, st: st}
	}
	for _, cur := range open {
		if cur != nil {
			cur.end = max(end, cur.start)
			out = append(out, *cur)
		}
	}
	slices.SortStableFunc(out, func(a, b seg) int {
		return cmp.Or(cmp.Compare(a.node, b.node), cmp.Compare(a.start, b.start))
	})
	return out
}

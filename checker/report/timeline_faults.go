package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ballot-go/ballot/checker"
)

// Fault kinds, as the script knows them.
const (
	faultNet   = iota // some fault is active anywhere (Net.Faulty): a band over every lane
	faultDown         // the node is crashed, stopped or paused
	faultCut          // some of the node's links are cut
	faultLossy        // some of the node's links drop, delay or duplicate messages
	faultSkew         // the node's clock runs fast or slow
	faultKinds
)

// fault is a period over which one kind of fault held one node (or, for
// faultNet, the cluster) in the same way. desc says how; cause is the
// Detail of the Topology event that began it ("inject isolate n2").
type fault struct {
	start, end  int64
	node, kind  int
	desc, cause string
}

// faultList encodes as [[start, end, node, kind, desc, cause], …].
type faultList []fault

func (l faultList) MarshalJSON() ([]byte, error) {
	return tuples(len(l), func(b []byte, i int) []byte {
		f := &l[i]
		return appendMixed(b, []int64{f.start, f.end, int64(f.node), int64(f.kind)}, f.desc, f.cause)
	})
}

// topo is one Topology event: a flag on the harness lane.
type topo struct {
	at      int64
	node    int
	detail  string
	summary string
}

// topoList encodes as [[at, node, detail, summary], …].
type topoList []topo

func (l topoList) MarshalJSON() ([]byte, error) {
	return tuples(len(l), func(b []byte, i int) []byte {
		t := &l[i]
		return appendMixed(b, []int64{t.at, int64(t.node)}, t.detail, t.summary)
	})
}

// faultPeriods follows the Topology events and cuts each lane's time into
// fault periods, closing those still open at end. Before the first Topology
// event all is healthy (the harness records every fault it makes).
func faultPeriods(events []checker.Event, lanes int, end int64) (faultList, topoList) {
	var out faultList
	var flags topoList
	open := make([]*fault, (lanes+1)*faultKinds) // slot 0..faultKinds-1 for faultNet, then per node
	slot := func(node, kind int) int { return (node+1)*faultKinds + kind }
	update := func(at int64, node, kind int, desc, cause string) {
		p := &open[slot(node, kind)]
		if *p != nil && (*p).desc == desc && kind != faultNet {
			return
		}
		if *p != nil {
			(*p).end = max(at, (*p).start)
			out = append(out, **p)
			*p = nil
		}
		if desc != "" {
			*p = &fault{start: at, node: node, kind: kind, desc: desc, cause: cause}
		}
	}
	for i := range events {
		e := &events[i]
		if e.Type != checker.Topology {
			continue
		}
		at, n, cause := int64(e.At), e.Net, clip(e.Detail)
		flags = append(flags, topo{at: at, node: e.Node, detail: cause, summary: describeNet(n, lanes)})
		// Every Topology event restarts the cluster band while faulty, so
		// that each band is labelled with the fault that shaped it.
		netDesc := ""
		if n != nil && n.Faulty {
			netDesc = cmp.Or(cause, "fault")
		}
		update(at, -1, faultNet, netDesc, cause)
		for node := range lanes {
			down := ""
			if !n.IsLive(node) {
				down = fmt.Sprintf("n%d down", node)
			}
			update(at, node, faultDown, down, cause)
			update(at, node, faultCut, describeCut(n, node, lanes), cause)
			update(at, node, faultLossy, describeLossy(n, node, lanes), cause)
			skew := ""
			if r := n.ClockRate(node); r != 1 {
				skew = fmt.Sprintf("n%d's clock runs at %g× normal speed", node, r)
			}
			update(at, node, faultSkew, skew, cause)
		}
	}
	for _, p := range open {
		if p != nil {
			p.end = max(end, p.start)
			out = append(out, *p)
		}
	}
	slices.SortStableFunc(out, func(a, b fault) int { return cmp.Compare(a.start, b.start) })
	return out, flags
}

// describeCut says which of node's links are cut, or "".
func describeCut(n *checker.Net, node, lanes int) string {
	to, from := peers(lanes, node, func(j int) bool { return n.IsCut(node, j) }),
		peers(lanes, node, func(j int) bool { return n.IsCut(j, node) })
	switch {
	case len(to) == 0 && len(from) == 0:
		return ""
	case slices.Equal(to, from) && len(to) == lanes-1:
		return fmt.Sprintf("n%d isolated: every link cut both ways", node)
	case slices.Equal(to, from):
		return fmt.Sprintf("links between n%d and %s cut both ways", node, nodeList(to))
	}
	var parts []string
	if len(to) > 0 {
		parts = append(parts, fmt.Sprintf("n%d cannot send to %s", node, nodeList(to)))
	}
	if len(from) > 0 {
		parts = append(parts, fmt.Sprintf("n%d cannot hear from %s", node, nodeList(from)))
	}
	return strings.Join(parts, "; ")
}

// describeLossy says which of node's links a link rule degrades, or "".
func describeLossy(n *checker.Net, node, lanes int) string {
	to, from := peers(lanes, node, func(j int) bool { return n.IsLossy(node, j) }),
		peers(lanes, node, func(j int) bool { return n.IsLossy(j, node) })
	if len(to) == 0 && len(from) == 0 {
		return ""
	}
	var parts []string
	if len(to) > 0 {
		parts = append(parts, "to "+nodeList(to))
	}
	if len(from) > 0 {
		parts = append(parts, "from "+nodeList(from))
	}
	return fmt.Sprintf("lossy links of n%d (%s)", node, strings.Join(parts, "; "))
}

// describeNet sums up a network in a line, for a topology flag's tooltip.
func describeNet(n *checker.Net, lanes int) string {
	if n == nil {
		return "no network recorded"
	}
	var down []int
	cut, lossy := 0, 0
	for i := range lanes {
		if !n.IsLive(i) {
			down = append(down, i)
		}
		for j := range lanes {
			if i != j && n.IsCut(i, j) {
				cut++
			}
			if i != j && n.IsLossy(i, j) {
				lossy++
			}
		}
	}
	if !n.Faulty && len(down) == 0 && cut == 0 && lossy == 0 {
		return "network healthy"
	}
	parts := []string{"faulty"}
	if len(down) > 0 {
		parts = append(parts, "down: "+nodeList(down))
	}
	if cut > 0 {
		parts = append(parts, fmt.Sprintf("%d links cut", cut))
	}
	if lossy > 0 {
		parts = append(parts, fmt.Sprintf("%d links lossy", lossy))
	}
	return strings.Join(parts, "; ")
}

// peers lists the nodes j ≠ node for which has(j).
func peers(lanes, node int, has func(j int) bool) []int {
	var out []int
	for j := range lanes {
		if j != node && has(j) {
			out = append(out, j)
		}
	}
	return out
}

// nodeList formats ids as "n0, n1, n3", eliding long lists.
func nodeList(ids []int) string {
	const show = 8
	var b strings.Builder
	for i, id := range ids {
		if i == show {
			fmt.Fprintf(&b, ", … (%d nodes)", len(ids))
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "n%d", id)
	}
	return b.String()
}

package rpcnet

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strconv"
	"strings"

	"github.com/ballot-go/ballot/internal/goroutines"
)

// reportLeaks reports every goroutine of incarnation inc of node i that is
// still alive: it is called once the grace period after Stop has passed.
func (n *Network) reportLeaks(i, inc int) {
	for _, r := range n.nodeRecords(i, inc) {
		stack := fmt.Sprintf("%d goroutine(s) of node %d (incarnation %d) still running %v after it stopped:\n%s",
			r.Count, i, inc, n.cfg.LeakGrace, goroutines.FormatFrames(r.Frames))
		n.log.Info("goroutine leak", "node", i, "count", r.Count)
		for range r.Count {
			n.leak(i, stack)
		}
	}
}

// nodeStacks describes the goroutines of incarnation inc of node i, and the
// poller's, which is where a blocked State call shows.
func (n *Network) nodeStacks(i, inc int) string {
	var b strings.Builder
	for _, r := range n.records(func(l map[string]string) bool {
		return n.ofNode(l, i, inc) || l[LabelRun] == n.run && l[LabelNode] == fmt.Sprint(PollerPrefix, i)
	}) {
		fmt.Fprintf(&b, "%d goroutine(s):\n%s\n", r.Count, goroutines.FormatFrames(r.Frames))
	}
	if b.Len() == 0 {
		return "(none found)"
	}
	return b.String()
}

// nodeRecords are the goroutine profile's records of incarnation inc of node i.
func (n *Network) nodeRecords(i, inc int) []goroutines.Record {
	return n.records(func(l map[string]string) bool { return n.ofNode(l, i, inc) })
}

func (n *Network) ofNode(labels map[string]string, i, inc int) bool {
	return labels[LabelRun] == n.run && labels[LabelNode] == strconv.Itoa(i) &&
		labels[LabelIncarnation] == strconv.Itoa(inc)
}

// records reads the goroutine profile and keeps the records whose labels match.
func (n *Network) records(match func(labels map[string]string) bool) []goroutines.Record {
	var buf bytes.Buffer
	if err := pprof.Lookup("goroutine").WriteTo(&buf, 1); err != nil {
		n.log.Error("reading the goroutine profile", "error", err)
		return nil
	}
	var mine []goroutines.Record
	for _, r := range goroutines.ParseProfile(buf.Bytes()) {
		if match(r.Labels) {
			mine = append(mine, r)
		}
	}
	return mine
}

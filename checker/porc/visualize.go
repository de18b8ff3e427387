package porc

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/ballot-go/ballot/checker"
)

// visualizeTimeout bounds the porcupine run behind a view; a view of a
// small window finishes in milliseconds, and porcupine draws whatever
// partial linearizations it found if it is cut short.
const visualizeTimeout = 30 * time.Second

// Visualize writes porcupine's HTML view of the leadership claims (see
// Operations, with DefaultWidth) that overlap the window of total length
// window centred on around, with the Topology, Note, Leak and Stuck events
// in it as annotations. porcupine's page grows to about 20 MB for 100k
// operations, so keep windows small: a few seconds around a finding.
func Visualize(w io.Writer, h checker.History, around time.Duration, window time.Duration) error {
	lo, hi := around-window/2, around+window/2
	var ops []porcupine.Operation
	for _, op := range Operations(h, DefaultWidth) {
		if op.Return >= int64(lo) && op.Call <= int64(hi) {
			ops = append(ops, op)
		}
	}
	_, info := porcupine.CheckOperationsVerbose(LeaseModel, ops, visualizeTimeout)
	info.AddAnnotations(annotations(h, lo, hi))
	return porcupine.Visualize(LeaseModel, info, w)
}

// annotations shows what the harness did in [lo, hi] beside the claims.
func annotations(h checker.History, lo, hi time.Duration) []porcupine.Annotation {
	var as []porcupine.Annotation
	for i := range h.Events {
		e := &h.Events[i]
		if e.At < lo || e.At > hi {
			continue
		}
		a := porcupine.Annotation{Tag: "harness", Start: int64(e.At), Description: e.Type.String(), Details: e.Detail}
		switch e.Type {
		case checker.Topology:
			a.Tag, a.Details = "network", describeNet(e.Net, h.Nodes)
			if e.Detail != "" {
				a.Description = e.Detail
			}
			a.BackgroundColor = "#efaefc"
		case checker.Note:
			a.Description = e.Detail
		case checker.Leak, checker.Stuck:
			a.Description = fmt.Sprintf("%s n%d", e.Type, e.Node)
		default:
			continue
		}
		as = append(as, a)
	}
	return as
}

func describeNet(n *checker.Net, nodes int) string {
	if n == nil {
		return "no network recorded"
	}
	var down, cuts []string
	for i := range nodes {
		if !n.IsLive(i) {
			down = append(down, fmt.Sprint(i))
		}
		for j := range nodes {
			if n.IsCut(i, j) {
				cuts = append(cuts, fmt.Sprintf("%d->%d", i, j))
			}
		}
	}
	return fmt.Sprintf("faulty=%t down=[%s] cut=[%s]", n.Faulty, strings.Join(down, " "), strings.Join(cuts, " "))
}

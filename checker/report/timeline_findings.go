package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ballot-go/ballot/checker"
)

// findingData is one Violation as the script marks it. Lo and Hi are the
// range the view zooms to when the finding is picked: its evidence window
// with some margin, so that the events it rests on are all in sight.
type findingData struct {
	Checker string   `json:"checker"`
	Summary string   `json:"summary"`
	At      int64    `json:"at"`
	Nodes   []int    `json:"nodes"`
	Terms   []uint64 `json:"terms"`
	Lo      int64    `json:"lo"`
	Hi      int64    `json:"hi"`
}

// Margins around a finding's evidence when the view zooms to it.
const (
	focusMinMargin = 50 * time.Millisecond
	focusMargin    = 6 // a sixth of the evidence's span on each side
)

// findings lists every Violation of every Violated result, earliest first:
// the first thing that went wrong is usually the one to read.
func findings(results []checker.Result) []findingData {
	var out []findingData
	for _, r := range results {
		if r.Outcome != checker.Violated {
			continue
		}
		for _, v := range r.Violations {
			lo, hi := v.At, v.At
			for _, e := range v.Window {
				if e.Type != checker.Note && e.Type != checker.Log { // context, not evidence
					lo, hi = min(lo, e.At), max(hi, e.At)
				}
			}
			margin := max((hi-lo)/focusMargin, focusMinMargin)
			out = append(out, findingData{
				Checker: r.Checker, Summary: clip(v.Summary), At: int64(v.At),
				Nodes: v.Nodes, Terms: v.Terms,
				Lo: int64(lo - margin), Hi: int64(hi + margin),
			})
		}
	}
	slices.SortStableFunc(out, func(a, b findingData) int { return cmp.Compare(a.At, b.At) })
	return out
}

// findingItem is a finding as the list beside the lanes shows it.
type findingItem struct {
	Index   int // data-index, from 0
	Number  int // what a person reads, from 1
	Checker string
	Summary string
	At      string
	Nodes   string
	Terms   string
}

func findingItems(fs []findingData) []findingItem {
	out := make([]findingItem, len(fs))
	for i, f := range fs {
		terms := make([]string, len(f.Terms))
		for j, t := range f.Terms {
			terms[j] = fmt.Sprint(t)
		}
		out[i] = findingItem{
			Index: i, Number: i + 1, Checker: f.Checker, Summary: f.Summary,
			At: time.Duration(f.At).String(), Nodes: nodeList(f.Nodes), Terms: strings.Join(terms, ", "),
		}
	}
	return out
}

// resultItem is one checker's verdict, for the summary under the findings.
type resultItem struct {
	Checker    string
	Outcome    string
	Note       string // why Unknown, or what was measured
	Count      int
	Suppressed int
}

func resultItems(results []checker.Result) []resultItem {
	out := make([]resultItem, len(results))
	for i, r := range results {
		out[i] = resultItem{
			Checker: r.Checker, Outcome: r.Outcome.String(),
			Note:  clip(cmp.Or(r.Reason, r.Measured)),
			Count: len(r.Violations), Suppressed: r.Suppressed,
		}
	}
	return out
}

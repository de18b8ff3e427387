package report

import (
	"time"

	"github.com/ballot-go/ballot/checker"
)

// maxLanes bounds the lanes drawn: node ids come from the history and are
// not trusted, and a corrupt id must not make the page draw a million lanes.
const maxLanes = 256

// maxText bounds each text (a log line, a stack) carried into the page.
const maxText = 4000

// timelineData is the JSON the page's script draws from. Bulky lists are
// arrays of arrays or columns (see timeline_json.go) to keep a 100k-event
// page small;
// times are nanoseconds since the start of the run.
type timelineData struct {
	Lanes    int           `json:"lanes"`
	Start    int64         `json:"start"`
	End      int64         `json:"end"`
	Segs     segList       `json:"segs"`
	Faults   faultList     `json:"faults"`
	Topo     topoList      `json:"topo"`
	Msgs     msgList       `json:"msgs"`
	Reasons  []string      `json:"reasons"` // drop reasons, indexed by msg.reason
	Marks    markList      `json:"marks"`
	Findings []findingData `json:"findings"`
}

func buildData(h checker.History, results []checker.Result) *timelineData {
	d := &timelineData{Lanes: laneCount(h, results)}
	d.Start, d.End = span(h, results)
	d.Segs = roleSegments(h.Events, d.Lanes, d.End)
	d.Faults, d.Topo = faultPeriods(h.Events, d.Lanes, d.End)
	d.Msgs, d.Reasons = messages(h.Events, d.Lanes)
	d.Marks = marks(h.Events, d.Lanes)
	d.Findings = findings(results)
	return d
}

// laneCount is History.Nodes, or more if events name higher node ids, so
// that nothing recorded goes missing from the page; at most maxLanes.
func laneCount(h checker.History, results []checker.Result) int {
	n := h.Nodes
	see := func(id int) {
		if id >= n && id < maxLanes {
			n = id + 1
		}
	}
	for i := range h.Events {
		e := &h.Events[i]
		switch e.Type {
		case checker.Send, checker.Deliver, checker.Drop:
			see(e.Msg.From)
			see(e.Msg.To)
		default:
			see(e.Node)
		}
	}
	for _, r := range results {
		for _, v := range r.Violations {
			for _, id := range v.Nodes {
				see(id)
			}
		}
	}
	return min(max(n, 0), maxLanes)
}

// span is the time range the page can show: from the run's start (or an
// earlier event) to the last event or finding.
func span(h checker.History, results []checker.Result) (start, end int64) {
	lo, hi := time.Duration(0), time.Duration(0)
	for i := range h.Events {
		lo, hi = min(lo, h.Events[i].At), max(hi, h.Events[i].At)
	}
	for _, r := range results {
		for _, v := range r.Violations {
			lo, hi = min(lo, v.At), max(hi, v.At)
		}
	}
	return int64(lo), int64(hi)
}

// onLane reports whether id has a lane.
func onLane(id, lanes int) bool { return id >= 0 && id < lanes }

// clip bounds a text carried into the page, cutting at a rune boundary.
func clip(s string) string {
	if len(s) <= maxText {
		return s
	}
	cut := maxText
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

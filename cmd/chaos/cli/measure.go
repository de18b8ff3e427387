package cli

import (
	"errors"
	"math"
	"slices"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/specs/harness"
)

// measures are what a report card reads from histories: the nemesis runs'
// findings and elections, and the quiet run's churn and heartbeats.
type measures struct {
	Runs     int            // nemesis runs judged; runs cut short by Ctrl-C are left out
	Clean    int            // runs with no finding
	Stopped  int            // stopped by the watchdog: a frozen clock, or too slow
	Broken   int            // could not run: a cluster that did not start, a fault that failed
	Findings map[string]int // runs that violated each invariant

	Recoveries []time.Duration // re-election times (checker.Recoveries, crash or cut)
	Requests   int             // vote and pre-vote requests sent
	Elections  int             // terms with a leader

	// The quiet run, with no faults: measured from its first leader to its
	// end, if it had one and ran to its end.
	QuietOK        bool
	QuietSpan      time.Duration
	QuietTerms     uint64 // term changes after the first leader
	QuietBeats     int    // heartbeats sent: AppendEntries with no entries
	QuietFollowers int
}

// addNemesis counts one nemesis run; one cut short by Ctrl-C says nothing.
func (m *measures) addNemesis(v harness.Verdict) {
	if errors.Is(v.Stopped, harness.ErrCancelled) {
		return
	}
	m.Runs++
	switch {
	case v.Stopped != nil:
		m.Stopped++
	case v.Err != nil:
		m.Broken++
	case !checker.Failed(v.Results):
		m.Clean++
	}
	for _, r := range v.Results {
		if r.Outcome == checker.Violated {
			m.Findings[r.Checker]++
		}
	}
	for _, r := range checker.Recoveries(v.History) {
		if r.Cause == "went down" || r.Cause == "was cut off" {
			m.Recoveries = append(m.Recoveries, r.Took())
		}
	}
	m.Requests += countSends(v.History, isRequest)
	m.Elections += len(leaderTerms(v.History))
}

// addQuiet reads the quiet run: how often the term moved once a leader
// was elected, and how many heartbeats went out, over the time from that
// leader to the end. A run that stopped early or never elected says
// nothing, and the card shows a dash.
func (m *measures) addQuiet(v harness.Verdict) {
	h := v.History
	first, ok := firstLeader(h)
	if v.Stopped != nil || v.Err != nil || !ok || len(h.Events) == 0 {
		return
	}
	m.QuietOK, m.QuietFollowers = true, max(h.Nodes-1, 0)
	m.QuietSpan = h.Events[len(h.Events)-1].At - first.At
	m.QuietTerms = maxTerm(h) - first.Status.Term
	m.QuietBeats = countSends(h, isHeartbeat)
}

func isRequest(m impl.Message) bool {
	return m.Kind == impl.KindVoteRequest || m.Kind == impl.KindPreVoteRequest
}

// isHeartbeat is what HeartbeatBudget counts: an AppendEntries with no
// entries.
func isHeartbeat(m impl.Message) bool { return m.Kind == impl.KindHeartbeat && m.Entries == 0 }

// countSends counts the messages the nodes sent that match.
func countSends(h checker.History, match func(impl.Message) bool) int {
	n := 0
	for _, e := range h.Events {
		if e.Type == checker.Send && match(e.Msg) {
			n++
		}
	}
	return n
}

// firstLeader is the first observation of a leader.
func firstLeader(h checker.History) (checker.Event, bool) {
	for _, e := range h.Events {
		if e.Type == checker.Observe && e.Status.Role == impl.Leader {
			return e, true
		}
	}
	return checker.Event{}, false
}

// leaderTerms are the terms in which some node was observed leading.
func leaderTerms(h checker.History) []uint64 {
	var terms []uint64
	for _, e := range h.Events {
		if e.Type == checker.Observe && e.Status.Role == impl.Leader && !slices.Contains(terms, e.Status.Term) {
			terms = append(terms, e.Status.Term)
		}
	}
	return terms
}

func maxTerm(h checker.History) uint64 {
	var top uint64
	for _, e := range h.Events {
		if e.Type == checker.Observe {
			top = max(top, e.Status.Term)
		}
	}
	return top
}

// percentile is the p-th percentile (0 to 100) of ds by nearest rank, and
// false for none.
func percentile(ds []time.Duration, p float64) (time.Duration, bool) {
	if len(ds) == 0 {
		return 0, false
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := int(math.Ceil(p*float64(len(s))/100)) - 1
	return s[min(max(rank, 0), len(s)-1)], true
}

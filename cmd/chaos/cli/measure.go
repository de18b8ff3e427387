package cli

import (
	"slices"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/impl"
)

// measures are what a report card reads from histories: the nemesis runs'
// findings and elections, and the quiet run's churn and heartbeats.
type measures struct {
	Runs       int             `json:"runs"`
	Clean      int             `json:"clean"`
	Stopped    int             `json:"stopped"` // by the watchdog: frozen or too slow
	Findings   map[string]int  `json:"findings"`
	Recoveries []time.Duration `json:"-"`
	Requests   int             `json:"requests"`  // vote and pre-vote requests sent
	Elections  int             `json:"elections"` // terms with a leader
	// The quiet run: no faults for Quiet.
	Quiet         time.Duration `json:"quiet"`
	QuietTerms    uint64        `json:"quiet_terms"` // term changes after the first leader
	QuietBeats    int           `json:"quiet_beats"` // heartbeats sent
	QuietFollower int           `json:"quiet_followers"`
}

// addNemesis counts one nemesis run.
func (m *measures) addNemesis(h checker.History, results []checker.Result, stopped bool) {
	m.Runs++
	switch {
	case stopped:
		m.Stopped++
	case !checker.Failed(results):
		m.Clean++
	}
	for _, r := range results {
		if r.Outcome == checker.Violated {
			m.Findings[r.Checker]++
		}
	}
	for _, r := range checker.Recoveries(h) {
		if r.Cause == "went down" || r.Cause == "was cut off" {
			m.Recoveries = append(m.Recoveries, r.Took())
		}
	}
	m.Requests += countSends(h, impl.KindVoteRequest, impl.KindPreVoteRequest)
	m.Elections += len(leaderTerms(h))
}

// addQuiet reads the quiet run: how often the term moved once a leader
// was elected, and how many heartbeats went out.
func (m *measures) addQuiet(h checker.History, quiet time.Duration) {
	m.Quiet, m.QuietFollower = quiet, max(h.Nodes-1, 0)
	m.QuietBeats = countSends(h, impl.KindHeartbeat)
	terms := leaderTerms(h)
	if len(terms) > 0 {
		m.QuietTerms = maxTerm(h) - terms[0]
	}
}

// countSends counts the messages of the given kinds the nodes sent.
func countSends(h checker.History, kinds ...impl.Kind) int {
	n := 0
	for _, e := range h.Events {
		if e.Type == checker.Send && slices.Contains(kinds, e.Msg.Kind) {
			n++
		}
	}
	return n
}

// leaderTerms are the terms in which some node was observed leading, in
// order.
func leaderTerms(h checker.History) []uint64 {
	var terms []uint64
	for _, e := range h.Events {
		if e.Type == checker.Observe && e.Status.Role == impl.Leader && !slices.Contains(terms, e.Status.Term) {
			terms = append(terms, e.Status.Term)
		}
	}
	slices.Sort(terms)
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

// percentile is the p-th percentile (0 to 100) of ds, nearest rank; 0 for
// none.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := int(p/100*float64(len(s))+0.5) - 1
	return s[min(max(rank, 0), len(s)-1)]
}

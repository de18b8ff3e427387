package specs

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
)

// incidents replays published failures of real Raft deployments and
// libraries, one spec each, named after the incident; each scenario's
// comment cites its source and the fault schedule that triggered it.
//
// A scenario declares what its property-dependent expectation assumes of
// the implementation (needs: PreVote, CheckQuorum). A target that does not
// declare it still runs the scenario and its history is judged by every
// checker as always; only that expectation becomes a visible note, "expected
// without PreVote: ..." or "held even without PreVote: ...", and the spec
// passes. A scenario the target cannot run at all (restarts of a Volatile
// target, skew on goroutine nodes) is skipped before it starts.
func incidents(target harness.Target) {
	Describe("incidents", Label("incident"), func() {
		oneLinkCut(target)
		partialConnectivity(target)
		everyFollowerCampaigns(target)
		caughtUpFollowerRejoins(target)
		isolatedLeaderStepsDown(target)
		killFollowerKillLeader(target)
		preVoteSpammer(target)
		startedAtOneInstant(target)
	})
}

// incidentHold is how long an incident's fault stays in place: two
// re-election bounds. A target that meets the bound has election timeouts
// below it, so every node cut off from its leader times out at least twice.
const incidentHold = 2 * harness.DefaultElectionBy

// incidentEntry names the report entry that carries an incident's note on
// a target that lacks what the expectation needs. It is always shown.
const incidentEntry = "ballot incident"

// needs is what a scenario's property-dependent expectation assumes.
type needs struct{ preVote, checkQuorum bool }

// missing names the declarations target lacks, or "" if it has them all.
func (n needs) missing(target harness.Target) string {
	var lacks []string
	if n.preVote && !target.PreVote {
		lacks = append(lacks, "PreVote")
	}
	if n.checkQuorum && !target.CheckQuorum {
		lacks = append(lacks, "CheckQuorum")
	}
	return strings.Join(lacks, " and ")
}

// expectIf holds a property-dependent expectation. happened says what the
// run did, naming nodes, terms and times: it is the failure when a target
// that declares n broke the expectation, and a note otherwise.
func (r *run) expectIf(n needs, held bool, happened string) {
	missing := n.missing(r.Target())
	switch {
	case missing == "" && !held:
		r.must(errors.New(happened))
	case missing == "":
	case held:
		r.notice("held even without %s: %s", missing, happened)
	default:
		r.notice("expected without %s: %s", missing, happened)
	}
}

// notice writes a note into the history, for the timeline, and into the
// spec's report, where Ginkgo shows it whether the spec passes or not.
func (r *run) notice(format string, args ...any) {
	text := fmt.Sprintf(format, args...)
	r.Note("%s", text)
	AddReportEntry(incidentEntry, text, ReportEntryVisibilityAlways)
}

// steady finds the leader the connected nodes agree on, then waits, for at
// most the re-election bound, until every other node has been delivered a
// heartbeat of its term: a fault that follows meets followers that believe
// in the leader, as in a running cluster. A history without a wire record
// (processes behind TCP proxies) cannot show it, and waits out the bound.
func (r *run) steady() (int, uint64) {
	leader, term := r.converged()
	heard := map[int]bool{leader: true}
	seen := 0
	r.RunUntil(harness.DefaultElectionBy, func() bool {
		events := r.History().Events
		for ; seen < len(events); seen++ {
			if e := events[seen]; isHeartbeat(e, checker.Deliver, leader, term) {
				heard[e.Msg.To] = true
			}
		}
		return len(heard) == r.Size()
	})
	return leader, term
}

// isHeartbeat reports whether e is a heartbeat (any AppendEntries) of term
// from leader, of event type t.
func isHeartbeat(e checker.Event, t checker.EventType, leader int, term uint64) bool {
	return e.Type == t && e.Msg.From == leader && e.Msg.Kind == impl.KindHeartbeat && e.Msg.Term == term
}

// leaderOr is leader, with context before the harness's words when no
// leader comes.
func (r *run) leaderOr(context func() string) (int, uint64) {
	leader, term, err := r.CheckOneLeader()
	if err != nil {
		r.must(fmt.Errorf("%s: %w", context(), err))
	}
	return leader, term
}

// now is the cluster's time, to the millisecond: goroutine nodes run on a
// clock that reads to the nanosecond, which no note needs.
func (r *run) now() time.Duration { return r.Now().Round(time.Millisecond) }

// mark is where the history stands now: the scans below start from one.
func (r *run) mark() int { return len(r.History().Events) }

// since returns the events recorded from mark on.
func (r *run) since(mark int) []checker.Event { return r.History().Events[mark:] }

// campaigns counts the vote and pre-vote requests node sent to peer from
// mark on: one per election it started, whether or not the link was cut.
func (r *run) campaigns(node, peer, mark int) int {
	n := 0
	for _, e := range r.since(mark) {
		if e.Type == checker.Send && e.Msg.From == node && e.Msg.To == peer && isCampaign(e.Msg.Kind) {
			n++
		}
	}
	return n
}

func isCampaign(k impl.Kind) bool { return k == impl.KindVoteRequest || k == impl.KindPreVoteRequest }

// holdUntilCampaigned lets time pass until node has started count
// elections, counted by its requests to peer, or limit has passed: a hold
// measured in the target's own election timeouts. A target whose requests
// the wire record cannot classify is held for limit.
func (r *run) holdUntilCampaigned(node, peer, count int, limit time.Duration) {
	mark := r.mark()
	r.RunUntil(limit, func() bool { return r.campaigns(node, peer, mark) >= count })
}

// aboveTerm finds the first event from mark on that shows a node in a term
// above term: an observation, or a message sent in that term. Pre-votes
// propose a term without taking it, so they do not count.
func (r *run) aboveTerm(mark int, term uint64) (checker.Event, bool) {
	for _, e := range r.since(mark) {
		switch {
		case e.Type == checker.Observe && e.Status.Term > term:
			return e, true
		case e.Type == checker.Send && e.Msg.Term > term && !isPreVote(e.Msg.Kind):
			return e, true
		}
	}
	return checker.Event{}, false
}

func isPreVote(k impl.Kind) bool { return k == impl.KindPreVoteRequest || k == impl.KindPreVoteReply }

// describeTerm says in words how an event of aboveTerm shows its term.
func describeTerm(e checker.Event) string {
	if e.Type == checker.Observe {
		return fmt.Sprintf("node %d was observed in term %d at %v", e.Node, e.Status.Term, e.At.Round(time.Millisecond))
	}
	return fmt.Sprintf("node %d sent a %s in term %d at %v", e.Msg.From, e.Msg.Kind, e.Msg.Term, e.At.Round(time.Millisecond))
}

// leadership counts the distinct (leader, term) pairs observed from mark
// on, and the highest term observed.
func (r *run) leadership(mark int) (leaders int, top uint64) {
	seen := map[[2]uint64]bool{}
	for _, e := range r.since(mark) {
		if e.Type != checker.Observe {
			continue
		}
		top = max(top, e.Status.Term)
		if e.Status.Role == impl.Leader {
			seen[[2]uint64{uint64(e.Node), e.Status.Term}] = true
		}
	}
	return len(seen), top
}

// leads reports whether node leads term now. It fails no step, so that a
// wait may call it.
func (r *run) leads(node int, term uint64) bool {
	st, err := r.Status(node)
	return err == nil && st.Role == impl.Leader && st.Term == term
}

// kept says whether leader kept leading term, with no node in a higher term,
// from mark on, and describes what happened either way.
func (r *run) kept(leader int, term uint64, mark int) (bool, string) {
	if e, above := r.aboveTerm(mark, term); above {
		leaders, top := r.leadership(mark)
		return false, fmt.Sprintf("node %d led term %d, but %s (leaderships observed since: %d; highest term: %d)",
			leader, term, describeTerm(e), leaders, top)
	}
	if !r.leads(leader, term) {
		return false, fmt.Sprintf("node %d no longer leads term %d at %v, though no node took a higher term", leader, term, r.now())
	}
	return true, fmt.Sprintf("node %d kept leading term %d until %v, and no node took a higher term", leader, term, r.now())
}

// others lists the nodes of the cluster other than skip, in order.
func (r *run) others(skip ...int) []int {
	var rest []int
	for n := range r.Size() {
		if !slices.Contains(skip, n) {
			rest = append(rest, n)
		}
	}
	return rest
}

// pick draws one of nodes with the scenario's own randomness.
func (r *run) pick(nodes []int) int { return nodes[r.rand.IntN(len(nodes))] }

// skipUnless returns body, or, when the target cannot run the scenario at
// all, a body that skips it before anything runs, naming why.
func skipUnless(applies bool, why string, body func(SpecContext)) func(SpecContext) {
	if applies {
		return body
	}
	return func(SpecContext) { Skip(why) }
}

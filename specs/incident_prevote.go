package specs

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
)

// everyFollowerCampaigns is etcd-io/etcd#9586 ("No leader using prevote
// feature"): with PreVote and CheckQuorum on, the leader cut off and both
// followers campaigning, no leader was elected, because a follower that
// had started its own pre-vote still believed in the old leader's lease
// and refused the other's (fixed by clearing the leader on becoming a
// pre-candidate, etcd-io/etcd#8334).
//
// Schedule: three nodes settle; every node is cut off from every other
// until each follower has started an election (for at most the re-election
// bound, within which a follower that hears no leader must), then the
// followers are joined again, the old leader still cut off.
//
// A new leader must follow within the re-election bound. That is Raft's
// own liveness, owed by every target and held to the same bound by the
// ReElection checker; PreVote and CheckQuorum together are what made etcd
// miss it, so a target without them gets a note saying it ran as a plain
// re-election. A follower that goes on believing in a leader it no longer
// hears fails here every time; etcd's own form, a belief renewed at each
// of its own pre-votes and lapsing an election timeout later, only delays
// an election under randomized timeouts, and is seldom caught.
func everyFollowerCampaigns(target harness.Target) {
	spec("etcd-io/etcd#9586: the leader cut off, every follower campaigns, and one is elected", Label("liveness"),
		scenario(target, 3, func(r *run) {
			leader, term := r.steady()
			followers := r.others(leader)
			r.disconnect(r.others()...)
			r.awaitCampaigns(followers)
			r.connect(followers...)
			joined := r.now()
			next, term2 := r.leaderOr(func() string {
				return fmt.Sprintf("followers %v, cut off with leader %d of term %d, were joined again at %v", followers, leader, term, joined)
			})
			if term2 <= term {
				r.must(fmt.Errorf("node %d leads term %d at %v, but the cut-off leader %d led term %d", next, term2, r.now(), leader, term))
			}
			r.expectIf(needs{preVote: true, checkQuorum: true}, true,
				fmt.Sprintf("followers %v joined again at %v; node %d leads term %d at %v", followers, joined, next, term2, r.now()))
			r.connect(leader)
			r.settled()
		}))
}

// awaitCampaigns waits, for at most the re-election bound, until each of
// nodes has started an election since now, counted by its requests to the
// next of nodes.
func (r *run) awaitCampaigns(nodes []int) {
	mark := r.mark()
	all := func() bool {
		for i, n := range nodes {
			if r.campaigns(n, nodes[(i+1)%len(nodes)], mark) == 0 {
				return false
			}
		}
		return true
	}
	if !r.RunUntil(harness.DefaultElectionBy, all) {
		r.Note("not every follower of %v was seen campaigning within %v: the wire record names no vote request", nodes, harness.DefaultElectionBy)
	}
}

// caughtUpFollowerRejoins is etcd-io/etcd#8499 and hashicorp/consul#1782:
// a follower cut off for a while comes back and deposes a healthy leader.
// With PreVote, the rejoining follower must not win a pre-vote while the
// others still hear the leader (thesis §9.6), but a PreVote that grants
// to any candidate whose log is up to date (etcd's, without CheckQuorum)
// lets a follower that had the leader's entries before the cut through:
// measured on etcd-io/raft with PreVote and without CheckQuorum, such a
// follower deposed the leader in 38 of 50 runs, where eliben's "follower
// comes back" (its follower cut off before the leader's first entry
// reached it) passed 300 of 300.
//
// Schedule: three nodes settle; the follower is brought up to date (see
// caughtUp); then, up to rejoins times, it is cut off from everyone and
// rejoins (see isolateAndRejoin). The follower disrupts only if its timer
// fires after it rejoins and before the leader's next heartbeat reaches
// it, a short window, hence the repeats.
//
// With PreVote, no node may take a higher term from the first cut on, and
// the leader must still lead its term. Without PreVote the rejoining
// follower may legally force a new term (eliben's spec expects it to).
func caughtUpFollowerRejoins(target harness.Target) {
	spec("etcd-io/etcd#8499, hashicorp/consul#1782: a caught-up follower isolated for several election timeouts rejoins without a leader change",
		Label("stability", "prevote"), scenario(target, 3, caughtUpFollowerRejoinsRun))
}

// rejoins is how many times the caught-up follower is cut off and rejoins.
const rejoins = 20

func caughtUpFollowerRejoinsRun(r *run) {
	leader, term := r.steady()
	follower := r.pick(r.others(leader))
	r.caughtUp(leader, follower, term)
	mark, cut := r.mark(), r.now()
	times := 0
	for range rejoins {
		times++
		r.isolateAndRejoin(leader, follower, term)
		if _, above := r.aboveTerm(mark, term); above {
			break
		}
	}
	held, happened := r.kept(leader, term, mark)
	r.expectIf(needs{preVote: true}, held, fmt.Sprintf("node %d, cut off and back %d times from %v on: %s", follower, times, cut, happened))
	r.settled()
}

// isolateAndRejoin cuts follower off until it has started three elections
// (for at most three re-election bounds), and a random while longer, up to
// half a bound, so that it comes back at any point of its election timer.
// Back, it runs until leader's heartbeat of term reaches it (for at most a
// bound), and a second more for whatever raced that heartbeat to show.
func (r *run) isolateAndRejoin(leader, follower int, term uint64) {
	r.disconnect(follower)
	r.holdUntilCampaigned(follower, leader, 3, 3*harness.DefaultElectionBy)
	r.RunFor(time.Duration(r.rand.Int64N(int64(harness.DefaultElectionBy / 2))))
	r.connect(follower)
	mark := r.mark()
	r.RunUntil(harness.DefaultElectionBy, func() bool { return r.heartbeatDelivered(leader, follower, term, mark) })
	r.RunFor(time.Second)
}

// heartbeatDelivered reports whether leader delivered follower a heartbeat
// (or any AppendEntries) of term from mark on.
func (r *run) heartbeatDelivered(leader, follower int, term uint64, mark int) bool {
	for _, e := range r.since(mark) {
		if e.Msg.To == follower && isHeartbeat(e, checker.Deliver, leader, term) {
			return true
		}
	}
	return false
}

// caughtUp waits, for at most the re-election bound, until follower has
// been delivered an AppendEntries of leader's term that carries entries.
// An election without a log sends none: then the heartbeat steady waited
// for will do. A leader that did send it entries must have them delivered,
// on links that are all up.
func (r *run) caughtUp(leader, follower int, term uint64) {
	var sent, caught bool
	seen := 0
	r.RunUntil(harness.DefaultElectionBy, func() bool {
		events := r.History().Events
		for ; seen < len(events); seen++ {
			e := events[seen]
			if e.Msg.To != follower || e.Msg.Entries == 0 {
				continue
			}
			sent = sent || isHeartbeat(e, checker.Send, leader, term)
			caught = caught || isHeartbeat(e, checker.Deliver, leader, term)
		}
		return caught
	})
	if sent && !caught {
		r.must(fmt.Errorf("node %d sent node %d entries in term %d, but none was delivered within %v (at %v), on links that are all up",
			leader, follower, term, harness.DefaultElectionBy, r.now()))
	}
}

// spamRate is how fast the spammer's clock runs: its election timeouts
// shrink eightfold, so for an election whose timeouts span less than a
// factor of eight (the reference's span two), every one of its timeouts is
// far shorter than the others' shortest, and it asks again before they
// can time out.
const spamRate = 8

// preVoteSpammer is hashicorp/raft#609 ("Do not update leader last-contact
// when granting a pre-vote request"): a follower that granted a pre-vote
// treated it as contact from a leader and restarted its election timer,
// so a node with a short timeout that kept asking, and never won, kept
// everyone else from ever campaigning.
//
// Schedule: three nodes settle; a follower's clock is made to run fast
// (faults.NewSkew) and it stops hearing pre-vote replies (a drop rule on
// them alone), so that it asks again and again and never wins; the leader
// is cut off at the same instant.
//
// The other follower and the spammer's grants let the remaining node win
// its own pre-vote, so a leader must follow within the re-election bound:
// Raft's liveness, owed by every target and held to the same bound by the
// ReElection checker. Only a target with PreVote meets the incident's
// conditions; without it the fast node campaigns with real votes, and a
// note says what happened. The network must skew clocks and act on single
// messages; where it cannot, the spec is skipped before it starts.
func preVoteSpammer(target harness.Target) {
	applies, why := spammerApplies(target)
	spec("hashicorp/raft#609: a node spamming pre-votes on a fast clock does not keep the others from campaigning", Label("liveness", "prevote"),
		skipUnless(applies, why, scenario(target, 3, preVoteSpammerRun)))
}

func spammerApplies(target harness.Target) (bool, string) {
	for _, name := range []string{"skew", "drop"} {
		if ok, why := target.FaultApplies(name); !ok {
			return false, why
		}
	}
	return true, ""
}

func preVoteSpammerRun(r *run) {
	leader, term := r.steady()
	spammer := r.pick(r.others(leader))
	deaf, err := faults.NewDrop(faults.AnyNode, spammer, 1, impl.KindPreVoteReply)
	r.must(err)
	fast, err := faults.NewSkew(spammer, spamRate)
	r.must(err)
	mark := r.mark()
	r.must(r.Inject(deaf))
	r.must(r.Inject(fast))
	r.disconnect(leader)
	cut := r.now()
	peer := r.pick(r.others(leader, spammer))
	spam := func() string {
		return fmt.Sprintf("node %d, on a clock %dx fast and deaf to pre-vote replies, sent node %d %d election requests from %v, when leader %d of term %d was cut off, to %v",
			spammer, spamRate, peer, r.campaigns(spammer, peer, mark), cut, leader, term, r.now())
	}
	next, term2 := r.leaderOr(spam)
	r.expectIf(needs{preVote: true}, true, fmt.Sprintf("%s; node %d leads term %d", spam(), next, term2))
	r.must(r.HealFault(fast))
	r.must(r.HealFault(deaf))
	r.connect(leader)
	r.settled()
}

package specs

import (
	"fmt"

	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
)

// killFollowerKillLeader is canonical/raft#279: kill a follower, then kill
// the leader, then restart the follower; the restarted follower and the
// survivor are a majority and must elect a leader.
//
// Schedule: three nodes settle; a follower is crashed, the leader a second
// later; the survivor runs alone for a re-election bound (campaigning in
// vain, raising its term if it has no PreVote); the follower restarts from
// its storage. A leader must follow within the re-election bound, as the
// ReElection checker also holds: it is Raft's liveness, with no option
// involved. The target must keep its term and vote across a restart
// (not Volatile); otherwise the spec is skipped before it starts.
func killFollowerKillLeader(target harness.Target) {
	applies, why := target.FaultApplies("crash")
	spec("canonical/raft#279: kill a follower, kill the leader, restart the follower, and a leader emerges", Label("liveness", "leaks"),
		skipUnless(applies, why, scenario(target, 3, func(r *run) {
			leader, _ := r.converged()
			follower := r.pick(r.others(leader))
			r.must(r.Crash(follower))
			r.sleep(1000)
			r.must(r.Crash(leader))
			r.RunFor(harness.DefaultElectionBy)
			r.must(r.Restart(follower))
			back := r.now()
			r.leaderOr(func() string {
				return fmt.Sprintf("follower %d and then leader %d were killed, and follower %d restarted at %v beside node %d", follower, leader, follower, back, r.others(leader, follower)[0])
			})
			r.must(r.Restart(leader))
			r.settled()
		})))
}

// wholeRestarts is how many times the whole cluster restarts at once.
const wholeRestarts = 5

// startedAtOneInstant is etcd-io/raft#48: nodes that start at the same
// instant and draw their election timeouts from the same source (a
// generator seeded from the clock) time out together and split every vote,
// forever. In virtual time every node of a run starts at the same instant,
// as does every node of a cluster restarted at once.
//
// Schedule: clusters of 3, 5 and 7 nodes start (each spec its own seed);
// then a 3-node cluster is crashed and restarted whole, at one instant,
// five times. Each time a leader must follow within the re-election bound:
// Raft's liveness, with no option involved, as the ReElection checker also
// holds. The restarts need a target that is not Volatile; for one that is,
// that spec is skipped before it starts.
func startedAtOneInstant(target harness.Target) {
	for _, n := range []int{3, 5, 7} {
		spec(fmt.Sprintf("etcd-io/raft#48: %d nodes started at one instant elect a leader", n), Label("liveness"),
			scenario(target, n, func(r *run) { r.leader() }))
	}
	applies, why := target.FaultApplies("crash")
	spec(fmt.Sprintf("etcd-io/raft#48: the whole cluster restarted at one instant, %d times, elects a leader each time", wholeRestarts),
		Label("liveness", "leaks"), skipUnless(applies, why, scenario(target, 3, func(r *run) {
			r.leader()
			for i := range wholeRestarts {
				for n := range r.Size() {
					r.must(r.Crash(n))
				}
				r.sleep(1000)
				for n := range r.Size() {
					r.must(r.Restart(n))
				}
				back := r.now()
				r.leaderOr(func() string {
					return fmt.Sprintf("restart %d of %d: every node restarted at %v", i+1, wholeRestarts, back)
				})
			}
			r.settled()
		})))
}

package specs

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
)

// stepDownBound is how long a leader with CheckQuorum may go on claiming
// leadership once no follower hears it. CheckQuorum (thesis §6.2) steps a
// leader down when an election timeout passes without a majority heard;
// implementations check at the end of each window of one election timeout
// (etcd, the reference; hashicorp/raft's lease timeout is shorter still),
// so a leader cut off early in a window still heard a majority in it, and
// steps down at the end of the next: within two election timeouts of the
// cut. A target that meets the re-election bound must time out and elect
// within it, so its election timeout is below it, and two bounds cover two
// timeouts whatever the target's own timing.
const stepDownBound = 2 * harness.DefaultElectionBy

// isolatedLeaderStepsDown is KAFKA-15489 ("Split brain in KRaft cluster"):
// a KRaft controller leader cut off from the other controllers went on
// acting as leader, beside the leader the others elected, because nothing
// made it step down.
//
// Schedule: three nodes settle; the leader is cut off from everyone for
// stepDownBound (or until it stops leading); the others elect; it rejoins
// and the cluster must settle.
//
// With CheckQuorum the cut-off leader must stop leading its term within
// stepDownBound. Without it, going on claiming is what Raft allows (the
// claim is harmless to safety: the old term cannot commit), and is noted.
// The majority's election is owed by every target, as the ReElection
// checker holds.
func isolatedLeaderStepsDown(target harness.Target) {
	spec("KAFKA-15489: a leader cut off from every follower stops claiming leadership", Label("liveness", "safety"),
		scenario(target, 3, func(r *run) {
			leader, term := r.steady()
			r.disconnect(leader)
			cut := r.now()
			stepped := r.RunUntil(stepDownBound, func() bool { return !r.leads(leader, term) })
			r.expectIf(needs{checkQuorum: true}, stepped, stepDownText(leader, term, cut, r.now(), stepped))
			r.leader()
			r.connect(leader)
			r.settled()
		}))
}

func stepDownText(leader int, term uint64, cut, now time.Duration, stepped bool) string {
	if stepped {
		return fmt.Sprintf("node %d, cut off at %v, stopped leading term %d at %v, %v later (the bound is %v)", leader, cut, term, now, now-cut, stepDownBound)
	}
	return fmt.Sprintf("node %d, cut off at %v, still claimed to lead term %d at %v, %v later (the bound is %v)", leader, cut, term, now, now-cut, stepDownBound)
}

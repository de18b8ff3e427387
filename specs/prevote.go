package specs

import (
	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// prevote holds a target that declares PreVote to its promise (Raft thesis
// §9.6): a follower that was cut off and comes back must not disrupt a
// leader the rest of the cluster still hears. Its pre-vote may reach the
// others before the leader's next heartbeat reaches it, so the spec
// repeats the rejoin to meet that moment.
func prevote(target harness.Target) {
	Describe("pre-vote", Label("prevote", "stability"), func() {
		body := scenario(target, 3, func(r *run) {
			leader, term := r.leader()
			for i := range 5 {
				follower := (leader + 1 + i%2) % 3
				r.disconnect(follower)
				r.sleep(2000)
				r.connect(follower)
				r.sleep(1000)
				leader2, term2 := r.leader()
				r.Expect(term2).To(Equal(term), "rejoin %d: follower %d's return forced term %d despite PreVote", i+1, follower, term2)
				r.Expect(leader2).To(Equal(leader), "rejoin %d: the leader changed", i+1)
			}
		})
		if !target.PreVote {
			body = func(SpecContext) {
				Skip("the target declares no PreVote, so a rejoining follower may legally force a new term")
			}
		}
		spec("rejoining followers never disrupt the leader", body)
	})
}

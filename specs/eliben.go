package specs

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// eliben holds the election tests of eliben/raft part 1, step for step
// (sleeps in milliseconds of virtual time). CheckSingleLeader becomes
// CheckOneLeader, which waits up to 5 s instead of 5 x 150 ms, because the
// 6.5840 rule, not eliben's 150-300 ms timeouts, is the contract here. Where
// an original test assumes behaviour that PreVote or CheckQuorum changes,
// the expectation follows the target's declared options.
func eliben(target harness.Target) {
	Describe("eliben/raft part 1", Label("eliben"), func() {
		spec("basic election", Label("liveness", realtimeLabel), scenario(target, 3, func(r *run) {
			r.leader()
		}))

		spec("leader disconnect", Label("liveness", realtimeLabel), scenario(target, 3, func(r *run) {
			leader, term := r.leader()
			r.disconnect(leader)
			r.sleep(350)
			leader2, term2 := r.leader()
			r.Expect(leader2).NotTo(Equal(leader), "the disconnected leader was re-elected")
			r.Expect(term2).To(BeNumerically(">", term), "the new leader's term did not increase")
		}))

		spec("leader and another disconnect", Label("liveness", "safety"), scenario(target, 3, func(r *run) {
			leader, _ := r.leader()
			other := (leader + 1) % 3
			r.disconnect(leader, other)
			r.sleep(450)
			r.noLeader()
			r.connect(other)
			r.leader()
		}))

		spec("disconnect all then restore", Label("liveness", "safety"), scenario(target, 3, func(r *run) {
			r.sleep(100)
			r.disconnect(0, 1, 2)
			r.sleep(450)
			r.noLeader()
			r.connect(0, 1, 2)
			r.leader()
		}))

		for _, n := range []int{3, 5} {
			spec(fmt.Sprintf("leader disconnect then reconnect on %d nodes", n), Label("liveness", "stability"), scenario(target, n, func(r *run) {
				leaderDisconnectThenReconnect(r, map[int]int{3: 350, 5: 150}[n])
			}))
		}

		spec("follower comes back", Label("liveness", "stability"), scenario(target, 3, func(r *run) {
			leader, term := r.leader()
			follower := (leader + 1) % 3
			r.disconnect(follower)
			// eliben sleeps 650 ms, enough for its 150-300 ms timeouts; wait
			// instead until the isolated follower has timed out at least once
			r.sleep(650)
			r.RunUntil(5*time.Second, func() bool { return r.term(follower) > term })
			r.connect(follower)
			r.sleep(150)
			if !target.PreVote {
				// the old leader's next heartbeat meets the higher term and ends its reign
				r.RunUntil(5*time.Second, func() bool { return r.term(leader) > term })
			}
			leader2, term2 := r.leader()
			if target.PreVote {
				// stricter than the original: pre-vote keeps the rejoining follower from disrupting
				r.Expect(term2).To(Equal(term), "the rejoining follower disrupted the leader despite PreVote")
				r.Expect(leader2).To(Equal(leader))
			} else {
				r.Expect(term2).To(BeNumerically(">", term), "the rejoining follower's higher term must end the old term")
			}
		}))

		spec("disconnect loop", Label("liveness", "safety"), scenario(target, 3, func(r *run) {
			for range 5 {
				leader, _ := r.leader()
				other := (leader + 1) % 3
				r.disconnect(leader, other)
				r.sleep(310)
				r.noLeader()
				r.connect(leader, other)
				r.sleep(150)
			}
		}))
	})
}

// leaderDisconnectThenReconnect: the old leader rejoins and the new leader
// keeps its term, unless the target runs CheckQuorum without PreVote, where a
// deposed leader campaigns while isolated and may legally force a new term.
func leaderDisconnectThenReconnect(r *run, firstSleep int) {
	leader, _ := r.leader()
	r.disconnect(leader)
	r.sleep(firstSleep)
	leader2, term2 := r.leader()
	r.connect(leader)
	r.sleep(150)
	leader3, term3 := r.leader()
	if t := r.Target(); t.CheckQuorum && !t.PreVote {
		return
	}
	r.Expect(leader3).To(Equal(leader2), "the rejoining old leader took over")
	r.Expect(term3).To(Equal(term2), "the rejoining old leader forced a new term")
}

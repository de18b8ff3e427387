package zoo

import (
	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/zoo/bugs/chattyleader"
	"github.com/ballot-go/ballot/impl/zoo/bugs/forgetful"
	"github.com/ballot-go/ballot/impl/zoo/bugs/majorityoffbyone"
	"github.com/ballot-go/ballot/impl/zoo/bugs/noretry"
	"github.com/ballot-go/ballot/impl/zoo/bugs/slowelection"
	"github.com/ballot-go/ballot/impl/zoo/bugs/stalereply"
	"github.com/ballot-go/ballot/impl/zoo/bugs/wallclockseed"
	"github.com/ballot-go/ballot/specs/harness"
)

// Broken elections with one bug each: six deterministic machines, each the
// base of package impl/zoo/bugs/machine with one hook changed (that base,
// unchanged, passes the suite), and one 6.5840-style goroutine node. Each
// package's documentation names the specs that catch its bug, and how
// reliably.
func init() {
	bugFamilies = append(bugFamilies, func() []Entry {
		return []Entry{
			{
				Target:    harness.Target{Name: "bug stale reply lowers the term", Machine: stalereply.New},
				Bug:       "a reply from an older term lowers the node's term: the reply's term is adopted unconditionally, not only when higher",
				Catches:   "TermMonotonic",
				Reference: `Students' Guide to Raft (MIT 6.824), "Term confusion"`,
			},
			{
				Target:  harness.Target{Name: "bug majority off by one", Machine: majorityoffbyone.New},
				Bug:     "a candidate wins with n/2 votes (>= n/2 instead of > n/2): on three nodes its own vote elects it",
				Catches: "LeaderHasQuorum",
			},
			{
				Target:    harness.Target{Name: "bug election timeout above five seconds", Machine: slowelection.New},
				Bug:       "the election timeout is 5.2-5.4 s, so a majority that can talk elects later than 5 s after losing its leader",
				Catches:   "ReElection",
				Reference: "MIT 6.5840 Lab 3A: a new leader within five seconds, so a timeout not too large",
			},
			{
				Target: harness.Target{
					Name: "bug leader heartbeats twenty times a second", Machine: chattyleader.New,
					HeartbeatBudget: labrpc.HeartbeatBudget,
				},
				Bug:       "the leader heartbeats 20 times a second while the target declares the course's budget of 10",
				Catches:   "HeartbeatBudget",
				Reference: "MIT 6.5840 Lab 3A: heartbeat RPCs no more than ten times per second",
			},
			{
				// Not Volatile: it claims to keep its term and vote, as Raft requires.
				Target:  harness.Target{Name: "bug term and vote forgotten on restart", Machine: forgetful.New},
				Bug:     "term and vote are never written to storage, so a restarted node votes again in a term it voted in",
				Catches: "VoteOnce",
			},
			{
				Target: harness.Target{
					Name: "bug every node seeds its timeouts from the wall clock", Node: labrpc.Node(wallclockseed.Make),
					HeartbeatBudget: labrpc.HeartbeatBudget,
				},
				Bug:       "each node seeds its random source with time.Now().UnixNano(); started at the same virtual instant, all draw the same timeouts and split every vote",
				Catches:   "ReElection",
				Reference: "etcd-io/raft#48",
			},
			{
				Target:    harness.Target{Name: "bug candidate never retries", Machine: noretry.New},
				Bug:       "a candidate whose election fails never starts another, so stuck candidates that can talk never elect",
				Catches:   "ReElection",
				Reference: "ktoso/akka-raft#31",
				// Under a random nemesis on five nodes the stuck candidates
				// rarely make up a whole majority: 1 seed in 400 here. The
				// spec that catches it on every seed is "6.5840 Lab 3A
				// election after network failure".
				Seed: 341,
			},
		}
	})
}

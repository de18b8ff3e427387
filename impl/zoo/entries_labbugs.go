package zoo

import (
	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/zoo/bugs/leakyheartbeat"
	"github.com/ballot-go/ballot/impl/zoo/bugs/lockacrosscall"
	"github.com/ballot-go/ballot/impl/zoo/bugs/noreset"
	"github.com/ballot-go/ballot/impl/zoo/bugs/novotedforcheck"
	"github.com/ballot-go/ballot/impl/zoo/bugs/sendunderlock"
	"github.com/ballot-go/ballot/impl/zoo/bugs/slowheartbeat"
	"github.com/ballot-go/ballot/impl/zoo/bugs/stalevotereply"
	"github.com/ballot-go/ballot/impl/zoo/bugs/votedforreset"
	"github.com/ballot-go/ballot/specs/harness"
)

// labLockingAdvice is 6.5840's advice on locks, whose rule 4 two of the bugs break.
const labLockingAdvice = "6.5840 Raft Locking Advice, rule 4: https://pdos.csail.mit.edu/6.824/labs/raft-locking.txt"

// 6.5840-style elections with one bug each: the goroutine election of
// package impl/zoo/bugs/lab (which, unchanged, passes the suite) with one
// hook replaced. All of them promise the course's heartbeat budget, which
// the base keeps.
func init() {
	bugFamilies = append(bugFamilies, func() []Entry {
		return []Entry{
			{
				Target:    labBugTarget("bug no timer reset on heartbeat", noreset.Make),
				Bug:       "a follower does not reset its election timer on heartbeats, only when it grants a vote",
				Catches:   "Stability",
				Reference: `Students' Guide to Raft (Gjengset, 2016), on when to reset the election timer: https://thesquareplanet.com/blog/students-guide-to-raft/`,
			},
			{
				Target:    labBugTarget("bug heartbeat every three seconds", slowheartbeat.Make),
				Bug:       "the leader heartbeats every 3 s, longer than any election timeout (300-600 ms), so followers keep deposing it",
				Catches:   "Stability",
				Reference: "Raft §5.6: broadcastTime ≪ electionTimeout",
			},
			{
				Target:    labBugTarget("bug heartbeat goroutine ignores Kill", leakyheartbeat.Make),
				Bug:       "the heartbeat goroutine never checks killed(), so it runs forever after Kill",
				Catches:   "NoLeaks",
				Reference: "6.5840 Lab 3 skeleton, raft.go, the comment on Kill: loops should check killed()",
			},
			{
				Target:    labBugTarget("bug heartbeat notice sent on a channel under the lock", sendunderlock.Make),
				Bug:       "AppendEntries holds rf.mu while it sends on an unbuffered channel to the ticker, which takes rf.mu before it receives: the first heartbeat deadlocks the follower",
				Catches:   "NoStuck",
				Reference: labLockingAdvice,
			},
			{
				Target:    labBugTarget("bug lock held across a vote request", lockacrosscall.Make),
				Bug:       "rf.mu is held across the RequestVote Call, so GetState, the handlers and the ticker wait on the network",
				Catches:   "NoStuck",
				Reference: labLockingAdvice,
			},
			{
				Target:    labBugTarget("bug vote granted without checking votedFor", novotedforcheck.Make),
				Bug:       "a vote is granted to every candidate of the current term, whether or not this node already voted in it",
				Catches:   "ElectionSafety",
				Reference: "Raft Figure 2, RequestVote receiver rule 2: grant only if votedFor is null or candidateId",
			},
			{
				// Catches LeaderHasQuorum, not ElectionSafety: a stale vote
				// nearly always elects in a term nobody else leads (see the
				// package documentation).
				Target:    labBugTarget("bug stale vote reply counted", stalevotereply.Make),
				Bug:       "a granted vote is counted without checking that its term is still the current one and that the node is still a candidate, so a late vote from an earlier election elects it",
				Catches:   "LeaderHasQuorum",
				Reference: "https://github.com/eliben/raft/pull/27",
			},
			{
				Target:    labBugTarget("bug votedFor reset on heartbeat", votedforreset.Make),
				Bug:       "votedFor is reset to -1 whenever the node follows a leader of its term (every heartbeat, every same-term step-down), not only when the term increases",
				Catches:   "VoteOnce",
				Reference: "Raft Figure 2: votedFor is the candidate that received the vote in the current term",
			},
		}
	})
}

// labBugTarget is the target of a bug of the lab family.
func labBugTarget[R labrpc.Raft](name string, makeRaft func([]*labrpc.ClientEnd, int, *labrpc.Persister, chan labrpc.ApplyMsg) R) harness.Target {
	return harness.Target{Name: name, Node: labrpc.Node(makeRaft), HeartbeatBudget: labrpc.HeartbeatBudget}
}

package etcdraft

import "github.com/ballot-go/ballot/specs/harness"

// Why the library departs from some of the suite's expectations, by its
// design, read from v3.6.0's raft.go. The suite still runs those specs and
// shows what it found with these words (harness.Deviation).
const (
	// Without PreVote, a node that adopts a higher term restarts its
	// election timer (raft.go: Step calls becomeFollower(m.Term, None),
	// whose reset draws a new timeout), and it refuses votes to
	// candidates whose logs are behind its own (the up-to-date rule,
	// raft.go: canVote && isUpToDate). A node that alone can win is then
	// kept from campaigning by candidates that cannot, so now and then
	// an election takes longer than 5 s. The Raft paper restarts the
	// timer only on a leader's heartbeat or a granted vote.
	whyTimerReset = "without PreVote etcd-io/raft restarts its election timer whenever it adopts a higher term " +
		"(raft.go: Step -> becomeFollower -> reset), so candidates whose logs are behind can keep the one node " +
		"that could win from campaigning past 5 s"
	// PreVote alone grants a pre-vote to any candidate for a later term
	// whose log is up to date (raft.go: m.Type == pb.MsgPreVote &&
	// m.Term > r.Term); ignoring candidates while a leader is heard, the
	// thesis's §9.6 condition, is the lease check (raft.go: inLease),
	// which only CheckQuorum turns on. A follower back from isolation,
	// with an up-to-date log, can therefore depose a healthy leader.
	whyNoLease = "etcd-io/raft's PreVote without CheckQuorum grants a pre-vote to any up-to-date candidate of a " +
		"later term (raft.go: MsgPreVote && m.Term > r.Term); the check that ignores candidates while a leader is " +
		"heard is the lease (raft.go: inLease), which only CheckQuorum turns on"
)

// deviations are the variant's known departures.
func (c Config) deviations() []harness.Deviation {
	switch {
	case !c.PreVote:
		// The scenario's own wait for a leader fails with the checker.
		return []harness.Deviation{
			{Spec: "multiple elections", Finding: "ReElection", Why: whyTimerReset},
			{Spec: "multiple elections", Finding: harness.DeviationStep, Why: whyTimerReset},
		}
	case !c.CheckQuorum:
		var ds []harness.Deviation
		for _, spec := range []string{"rejoining followers never disrupt the leader", "etcd-io/etcd#8499"} {
			ds = append(ds,
				harness.Deviation{Spec: spec, Finding: harness.DeviationStep, Why: whyNoLease},
				harness.Deviation{Spec: spec, Finding: "Stability", Why: whyNoLease})
		}
		return ds
	}
	return nil
}

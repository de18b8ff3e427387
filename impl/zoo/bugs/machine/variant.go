package machine

import (
	"math/rand/v2"

	"github.com/ballot-go/ballot/impl"
)

// Variant holds the hooks where the zoo's machine bugs differ from the
// correct election. A zero field means the correct behaviour, so Variant{}
// is the base itself. Hooks are plain functions of their arguments: they see
// nothing of the node, so a bug can only change the one decision it names.
type Variant struct {
	// ElectionTimeout draws a follower's or candidate's next timeout, in
	// ticks, from r (the node's MachineConfig.Rand). Nil means
	// [ElectionTimeout].
	ElectionTimeout func(r *rand.Rand) int

	// HeartbeatTicks is a leader's period between heartbeats, in ticks.
	// Zero means [HeartbeatTicks].
	HeartbeatTicks int

	// Won reports whether a candidate holding votes, its own included, is
	// elected in a cluster of size members. Nil means [Won].
	Won func(votes, size int) bool

	// AdoptReplyTerm reports whether a reply carrying term reply moves a
	// node in term current to that term, as a follower with no vote.
	// Adopting the current term changes nothing. Nil means
	// [AdoptReplyTerm]. Requests are not asked: a request from a higher
	// term always moves the node to it.
	AdoptReplyTerm func(current, reply uint64) bool

	// Persist saves hs to s. The node calls it whenever its term or vote
	// changes, before any message that depends on the change leaves. Nil
	// means [Persist].
	Persist func(s impl.Storage, hs impl.HardState)

	// Retry reports whether a candidate whose election timed out starts
	// another; elections counts those it started since it last followed a
	// leader or led (1 at its first timeout as a candidate). A candidate
	// that does not retry waits another timeout and is asked again. Nil
	// means [Retry].
	Retry func(elections int) bool
}

// ElectionTimeout is the correct draw: uniform in [ElectionTimeoutMin,
// ElectionTimeoutMin+ElectionTimeoutSpan) ticks, fresh at every reset, so
// that two nodes that collided once are unlikely to collide again.
func ElectionTimeout(r *rand.Rand) int {
	return ElectionTimeoutMin + r.IntN(ElectionTimeoutSpan)
}

// Won is the correct count: more than half of the members, so that two
// candidates of one term can never both win.
func Won(votes, size int) bool {
	return votes > size/2
}

// AdoptReplyTerm is the correct rule (Raft Figure 2, "Rules for Servers"): a
// node moves only to a higher term. A reply from a lower term answers a
// request sent before the node moved on, and says nothing about now.
func AdoptReplyTerm(current, reply uint64) bool {
	return reply > current
}

// Persist is the correct save: through to the Storage, which the framework
// hands to the node's next incarnation.
func Persist(s impl.Storage, hs impl.HardState) {
	s.SetHardState(hs)
}

// Retry is the correct rule (Raft §5.2): a candidate that neither wins nor
// hears of a winner times out and starts a new election, however many
// failed before.
func Retry(elections int) bool {
	return true
}

// withDefaults fills the zero fields with the correct behaviour.
func (v Variant) withDefaults() Variant {
	if v.ElectionTimeout == nil {
		v.ElectionTimeout = ElectionTimeout
	}
	if v.HeartbeatTicks == 0 {
		v.HeartbeatTicks = HeartbeatTicks
	}
	if v.Won == nil {
		v.Won = Won
	}
	if v.AdoptReplyTerm == nil {
		v.AdoptReplyTerm = AdoptReplyTerm
	}
	if v.Persist == nil {
		v.Persist = Persist
	}
	if v.Retry == nil {
		v.Retry = Retry
	}
	return v
}

package lab

import "time"

// Variant holds the hooks where the zoo's bugs differ from the correct
// election. A zero field means the correct behaviour, so Variant{} is the
// base itself. Hooks that take a *Raft run with its lock held, unless their
// documentation says otherwise.
type Variant struct {
	// HeartbeatInterval is how often a leader sends heartbeats; zero means
	// [HeartbeatInterval].
	HeartbeatInterval time.Duration

	// MayVote reports whether this peer may give its vote in its current
	// term to candidate. Nil means [MayVote]: only if it has not voted for
	// anyone else in this term.
	MayVote func(rf *Raft, candidate int) bool

	// Follow is what a peer does on a heartbeat from the leader of its
	// current term (after adopting the term, if it was newer). Nil means
	// [Follow].
	Follow func(rf *Raft)

	// Count counts one answer to this peer's RequestVote args. Nil means
	// [Count].
	Count func(rf *Raft, args *RequestVoteArgs, reply *RequestVoteReply)

	// Canvass asks every other peer for its vote in args.Term and has the
	// replies counted. It is called with the lock held, right after the
	// peer became a candidate, so it must not wait: it starts goroutines,
	// which lock for themselves. Nil means [Canvass].
	Canvass func(rf *Raft, args RequestVoteArgs)

	// Ticker and Heartbeats are the bodies of the election and heartbeat
	// goroutines, each started once by New; they run without the lock.
	// Nil means [Ticker] and [Heartbeats].
	Ticker     func(rf *Raft)
	Heartbeats func(rf *Raft)
}

// withDefaults fills the zero fields with the correct behaviour.
func (v Variant) withDefaults() Variant {
	if v.HeartbeatInterval == 0 {
		v.HeartbeatInterval = HeartbeatInterval
	}
	if v.MayVote == nil {
		v.MayVote = MayVote
	}
	if v.Follow == nil {
		v.Follow = Follow
	}
	if v.Count == nil {
		v.Count = Count
	}
	if v.Canvass == nil {
		v.Canvass = Canvass
	}
	if v.Ticker == nil {
		v.Ticker = Ticker
	}
	if v.Heartbeats == nil {
		v.Heartbeats = Heartbeats
	}
	return v
}

package hashiraft

import (
	"fmt"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"
)

// Config is what each node's raft.Config is built from: the library's four
// timeouts and whether it runs a pre-vote. Everything else is the library's
// default (raft.DefaultConfig). Start from DefaultConfig.
type Config struct {
	// HeartbeatTimeout is how long a follower goes without hearing a
	// leader before it campaigns; the leader heartbeats every tenth of it.
	HeartbeatTimeout time.Duration
	// ElectionTimeout is how long a candidate waits for its election
	// before it tries again. It may not be below HeartbeatTimeout.
	ElectionTimeout time.Duration
	// LeaderLeaseTimeout is how long a leader goes without hearing from a
	// majority before it steps down. It may not exceed HeartbeatTimeout.
	LeaderLeaseTimeout time.Duration
	// CommitTimeout is how long a leader's replication to a follower stays
	// quiet before it sends an AppendEntries anyway, to carry the commit
	// index.
	CommitTimeout time.Duration
	// RPCTimeout is how long the transport waits for a reply before the
	// call fails, as the library's own transports bound every call.
	RPCTimeout time.Duration
	// PreVote runs a pre-vote before every election (Raft thesis §9.6), as
	// hashicorp/raft does by default since v1.7.0. False sets the
	// library's PreVoteDisabled.
	PreVote bool
}

// DefaultConfig is the timing that meets ballot's two rules for this
// library: a new leader within 5 s of losing one, and about ten
// heartbeats a second to each follower. randomTimeout(d), the library's
// only source of jitter (util.go), waits a time drawn from [d, 2d).
//
//   - HeartbeatTimeout 1 s, the library's default. A leader's heartbeat
//     loop (replication.go, heartbeat) waits randomTimeout(HeartbeatTimeout/10)
//     between heartbeats: [100 ms, 200 ms), 6.7 a second on average and
//     never more than 10 in one second. The library ties the heartbeat
//     period to the follower's timeout, so a shorter HeartbeatTimeout, which
//     would speed elections up, would break the ten a second.
//   - A follower looks at its leader every randomTimeout(HeartbeatTimeout)
//     and campaigns at the first look that finds no contact for
//     HeartbeatTimeout (raft.go, runFollower): between 1 s and 3 s after the
//     last heartbeat it heard. Until then it refuses every vote and
//     pre-vote, whatever the term (raft.go, requestVote: "rejecting vote
//     request since we have a leader").
//   - ElectionTimeout 1 s, the least the library accepts (ValidateConfig: not
//     below HeartbeatTimeout): a candidate that did not win, a split vote or
//     a pre-vote refused by followers that still hear a leader, tries again
//     after randomTimeout(ElectionTimeout), [1 s, 2 s). A majority that lost
//     its leader therefore elects within 3 s plus a few round trips, and
//     within 5 s after one failed round in most cases.
//   - CommitTimeout 1 s, where the library's default is 50 ms. When no entry
//     is waiting, the replication loop (replication.go, replicate) still
//     sends an AppendEntries after randomTimeout(CommitTimeout) to carry the
//     commit index; it carries no entries, so it is a heartbeat on the wire,
//     and 50 ms would add 20 to 40 of them a second. At 1 s it adds at most
//     one in any second: HeartbeatBudget is 11 (runs peak at 10). It is also
//     the only path by which a leader learns of a higher term from a
//     follower's answer (replicateTo; the heartbeat loop ignores the term in
//     the reply), so without pre-vote a leader that a returning follower
//     outran steps down only at the replication loop's next call: within
//     2 s, or later if calls that failed during the partition put the loop
//     into its backoff (replication.go, backoff: up to 10 s).
//   - LeaderLeaseTimeout 500 ms, the library's default (at most
//     HeartbeatTimeout): a leader that has heard from no majority for that
//     long steps down (raft.go, checkLeaderLease), which ballot calls
//     CheckQuorum.
//   - RPCTimeout 500 ms, the library's InmemTransport's timeout: a leader's
//     heartbeat loop makes one call at a time to each follower, so a call
//     to a follower that was cut off holds the loop until it fails. With
//     ballot's network that takes up to 7 s, during which the healed
//     follower goes unheard, and the leader, counting it out of its lease,
//     may step down for want of a majority that it has.
//
// With PreVote false the library misses the 5 s bound now and then, by its
// design: a follower that still hears a leader refuses a vote without
// taking its term (above), so after a leader fails, the first follower to
// campaign is refused, and the next campaigns in the same term, in which
// the first has voted for itself. The vote is split, and the next try
// comes [1 s, 2 s) later. A candidate whose log is behind, or that cannot
// hear the answers (a one-way cut), raises the others' terms and takes
// their votes, as Raft without pre-vote allows.
func DefaultConfig() Config {
	return Config{
		HeartbeatTimeout:   time.Second,
		ElectionTimeout:    time.Second,
		LeaderLeaseTimeout: 500 * time.Millisecond,
		CommitTimeout:      time.Second,
		RPCTimeout:         500 * time.Millisecond,
		PreVote:            true,
	}
}

// Validate reports the first problem with c, or nil: a zero timeout, or
// one the library's own ValidateConfig refuses.
func (c Config) Validate() error {
	for _, d := range []struct {
		name string
		v    time.Duration
	}{
		{"HeartbeatTimeout", c.HeartbeatTimeout},
		{"ElectionTimeout", c.ElectionTimeout},
		{"LeaderLeaseTimeout", c.LeaderLeaseTimeout},
		{"CommitTimeout", c.CommitTimeout},
		{"RPCTimeout", c.RPCTimeout},
	} {
		if d.v <= 0 {
			return fmt.Errorf("hashiraft: %s is %v: it must be positive; start from DefaultConfig()", d.name, d.v)
		}
	}
	if err := raft.ValidateConfig(c.raftConfig(0, hclog.NewNullLogger())); err != nil {
		return fmt.Errorf("hashiraft: %w", err)
	}
	return nil
}

// raftConfig is the library's configuration for node id.
func (c Config) raftConfig(id int, logger hclog.Logger) *raft.Config {
	rc := raft.DefaultConfig()
	rc.LocalID = serverID(id)
	rc.HeartbeatTimeout = c.HeartbeatTimeout
	rc.ElectionTimeout = c.ElectionTimeout
	rc.LeaderLeaseTimeout = c.LeaderLeaseTimeout
	rc.CommitTimeout = c.CommitTimeout
	rc.PreVoteDisabled = !c.PreVote
	rc.Logger = logger
	return rc
}

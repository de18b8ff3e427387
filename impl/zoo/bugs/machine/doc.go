// Package machine is the base of ballot's zoo of broken deterministic
// elections: one small Raft leader election (§5.2, no log) written as an
// impl.Machine, correct as it stands, that takes a [Variant] of hooks at
// exactly the points where the zoo's machine bugs differ from it. Each bug
// lives in a package of its own under impl/zoo/bugs, whose New calls
// [NewVariant] with its hook, so that the buggy line is visible there and
// nowhere else.
//
// The election, in ticks of the simulator (10 ms by default):
//   - A follower or candidate that hears no leader for its election timeout,
//     drawn from MachineConfig.Rand in [50, 100) ticks, starts an election:
//     it moves to the next term, votes for itself and asks every peer.
//   - A node grants one vote per term, first come first served, and any
//     message from a higher term makes it a follower of that term.
//   - A candidate with votes from a majority leads, and heartbeats every
//     peer at once and then every 15 ticks (150 ms, under the 6.5840 budget
//     of ten a second even on a clock that runs 1.25 times fast).
//   - Term and vote go to MachineConfig.Storage whenever they change, before
//     any message that depends on them leaves, and a node starts from what
//     Storage holds.
//
// Two habits are less common, and each has a reason:
//   - Peers are addressed in ring order starting after this node, not by
//     ascending id, so that no node is always the first to hear a leader.
//     It also makes the order of replies predictable from the scenario:
//     in eliben's "follower comes back" the rejoining follower, the
//     leader's next id, answers first, from its higher term, and the other
//     follower's stale answer comes right after it, on every seed.
//   - A leader that hears a majority stops heartbeating a peer it has not
//     heard from in 1.5 s (hashicorp/raft backs off from failing followers
//     in the same spirit). A crashed peer that restarts therefore times out
//     and campaigns before it hears the leader, which is harmless for a
//     node that kept its term and vote, and is what exposes one that did
//     not. A leader that hears no majority heartbeats everyone: it may be
//     the one cut off, and its heartbeats are how it learns of a newer term.
//
// Plugged in as is, it is the control that shows the bugs are the only
// difference:
//
//	target := harness.Target{Name: "machine bug base", Machine: machine.New}
//
// and a bug package builds its members with
//
//	func New(cfg impl.MachineConfig) (impl.Machine, error) {
//		return machine.NewVariant(cfg, machine.Variant{Won: won})
//	}
//
// Messages carry nothing but the envelope: Kind, Term and Granted say all
// that this election needs, so Body is always nil.
package machine

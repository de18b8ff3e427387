// Package pvcq is a sound Raft leader election (§5.2, no log) as a
// deterministic impl.Machine, with the thesis's PreVote (§9.6) and
// CheckQuorum (§6.2), written apart from ballot's reference machine in
// impl/raft.
//
// Its style is the opposite of the reference's swapped step functions: one
// struct, one switch on the role in Tick and one on the message kind in
// Step, and plain tick counters. Timing, in ticks of 10 ms: election
// timeouts drawn in [40, 80], heartbeats every 10, and a CheckQuorum window
// of 40, the shortest election timeout.
//
// It is in the zoo as a regression test for false alarms. The legal but
// unusual things it does:
//   - A follower that heard from a leader within the last 40 ticks refuses
//     pre-votes, and so does a leader; votes are never refused that way
//     (the leader stickiness of thesis §4.2.3 is left out).
//   - A granted pre-vote reply echoes the term it grants; a refused one
//     carries the voter's own term, which the pre-candidate ignores.
//   - A leader that has not heard from a majority within a window steps
//     down to follower in the same term, keeping its vote.
//   - A follower's election timeout is drawn when it starts waiting, not on
//     every heartbeat: a heartbeat only restarts the count.
//
// Term and vote are written to MachineConfig.Storage before any message
// that depends on them is queued, and New resumes from them.
//
// Plug it in as a Machine target:
//
//	target := harness.Target{Name: "pvcq", Machine: pvcq.New, PreVote: true, CheckQuorum: true}
package pvcq

// Package wallclockseed is a deliberately broken election of ballot's zoo,
// a goroutine node in the style of MIT 6.5840 Lab 3A (a mutex-guarded Raft
// struct, a ticker goroutine, RequestVote and AppendEntries through
// peers[i].Call, term and vote persisted with labgob), correct except for
// one line: every peer seeds its own random source from the wall clock when
// it starts, rand.New(rand.NewSource(time.Now().UnixNano())).
//
// On real machines the peers start nanoseconds apart and the seeds differ.
// In ballot's virtual time (a testing/synctest bubble) every peer starts at
// the same instant, so every peer draws the same election timeouts: all
// time out together, all vote for themselves, all reject each other, and
// they do it again at the next timeout, for ever. No leader is ever
// elected.
//
// Reference: etcd-io/raft#48 (identical timeouts of peers started at the
// same instant of a simulation, with the fix in etcd-io/raft#50); also
// etcd-io/etcd#15784 and goraft/raft#44.
//
// Checker that must catch it: ReElection (no leader within 5 s while a
// majority can talk, the first election included): every run of the three
// Lab 3A specs, which watch for more than 5 s, shows the split votes going
// on past the deadline. Every scenario step that waits for a leader fails
// too.
//
// Timing: election timeout in [400 ms, 800 ms), heartbeats every 150 ms
// (fewer than seven a second, under the course's ten), loops that poll
// killed() every 10 ms.
//
// Plug it in with
//
//	target := harness.Target{Name: "bug every node seeds its timeouts from the wall clock",
//		Node: labrpc.Node(wallclockseed.Make), HeartbeatBudget: labrpc.HeartbeatBudget}
package wallclockseed

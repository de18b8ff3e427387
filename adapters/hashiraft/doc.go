// Package hashiraft runs github.com/hashicorp/raft as ballot goroutine
// nodes ([impl.Node]), so that ballot's conformance suite and its chaos
// runs hold the library's leader election to every invariant, in virtual
// time inside a testing/synctest bubble. In a suite file:
//
//	var _ = specs.Conformance(target) // target from DefaultConfig().Target
//
//	func TestHashicorpRaft(t *testing.T) {
//		specs.RunSuite(t, "hashicorp/raft")
//	}
//
// Each node is an unmodified raft.Raft. What the adapter supplies:
//   - a raft.Transport whose every RPC is one [impl.Transport] Call, so that
//     ballot's faults apply to it, bounded by a timeout as the library's
//     own transports are; it implements WithPreVote (without it the library
//     turns pre-vote off) and WithClose, and no pipelining;
//   - an [impl.Handler] that hands each inbound call to the library's main
//     goroutine (Consumer) and waits for the answer, or for the node to
//     stop;
//   - a raft.LogStore and raft.StableStore kept in the node's
//     [impl.Blobs], so that a restarted node has its term, vote and log,
//     with the Storage's HardState kept in step for ballot;
//   - BootstrapCluster on a node's first start, every peer a voter; a
//     state machine and snapshot store that keep nothing;
//   - State as (term, isLeader) read consistently, Stop as Shutdown;
//   - [Classify], which reads the library's RPC types for ballot's wire
//     record;
//   - [DefaultConfig], a timing chosen for ballot's 5 s re-election bound
//     and about ten heartbeats a second (its comment has the arithmetic,
//     and what the library cannot meet with pre-vote off), and
//     [Config.Target], which declares what the library does.
//
// Goroutines: everything the library starts (its main, FSM and snapshot
// goroutines, a replication and a heartbeat goroutine per follower while
// it leads, one per vote request) has ended when Shutdown returns, but for
// the leader's log-age metrics goroutine, which ends as soon as it runs
// next. Its metrics go to go-metrics' default global sink, a blackhole
// that starts nothing. A call the transport gave up on keeps its
// goroutine until ballot's network answers, which it does at once when
// the node stops. Nothing opens a socket.
//
// The library draws its timeouts from the global math/rand, so its runs,
// like every goroutine node's, do not replay exactly from a seed.
package hashiraft

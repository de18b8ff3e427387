// Package etcdraft runs go.etcd.io/raft/v3 (v3.6.0), the Raft library of
// etcd, as a ballot [impl.Machine], so that ballot's simulator can drive it
// under faults and its checkers can judge the history.
//
// The library is already a deterministic state machine, RawNode, so the
// adapter is thin: Tick and Step go straight through, Ready persists what
// the library asks to persist before it hands over the messages, and Status
// reads the library's own view. The raftpb.Message travels as the body of
// ballot's envelope, which carries the kind, term and vote that the
// checkers read from the wire. Raft ids are ballot ids plus one, because
// the library keeps 0 for "none".
//
// A member keeps its raft state (snapshot, log and HardState) in the
// framework's Storage through the optional [impl.Blobs] interface, so a
// restarted member resumes with its log and commit index, not only its
// term and vote; a Storage without Blobs is refused.
//
// Three variants are worth running, as the library's users run it: plain,
// with PreVote, and with PreVote and CheckQuorum (as etcd itself does).
// In a _test.go file next to a TestXxx that calls specs.RunSuite:
//
//	var _ = specs.Conformance(etcdraft.DefaultConfig().Target("etcd-raft"))
//
// and with cfg.PreVote, cfg.CheckQuorum = true, true on a DefaultConfig
// for the others. The library draws its election jitter from crypto/rand,
// which ballot cannot seed, so every target declares OwnRandomness: a run
// does not replay event for event from its seed (see [Config.Target]).
//
// # Versions
//
// The adapter is written against v3.6.0, the newest v3.6 (gogo protobuf,
// Go 1.23): Step takes a raftpb.Message by value, Ready.Messages is a
// []raftpb.Message, and Status.HardState is a value (st.Term). v3.7.0 moved
// to google.golang.org/protobuf: messages are pointers with getters
// (m.GetTo()), Step takes a *raftpb.Message, Ready.Messages is a
// []*raftpb.Message and Status.HardState a *raftpb.HardState (GetTerm()),
// and it needs Go 1.26. Porting means changing envelope.go, inbound.go,
// persist.go and status.go to pointers, and not copying messages by value.
package etcdraft

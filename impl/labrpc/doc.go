// Package labrpc runs a 6.5840 (MIT 6.824) Lab 3A raft.go under ballot as
// an [impl.Node], with nothing changed but its imports and a few type names.
// It provides what that code uses of the course's packages: [ClientEnd] and
// its Call, [Persister], [ApplyMsg], and, in the subpackage labgob, the gob
// wrapper that persist() and readPersist() use. [Node] turns the lab's Make
// into an [impl.NodeFactory].
//
// # Porting a raft.go
//
//  1. Copy raft.go (and any helper file of yours, such as util.go with
//     DPrintf) into a package of your module. Leave the course's test files,
//     config.go and persister.go behind.
//  2. Change the import "6.5840/labrpc" to
//     "github.com/ballot-go/ballot/impl/labrpc", and "6.5840/labgob" to
//     "github.com/ballot-go/ballot/impl/labrpc/labgob".
//  3. 2025 skeleton: replace *tester.Persister with *labrpc.Persister,
//     raftapi.ApplyMsg with labrpc.ApplyMsg, and Make's result type
//     raftapi.Raft with *Raft (or labrpc.Raft); drop the imports of
//     "6.5840/tester1" and "6.5840/raftapi" and any call into them.
//     2024 skeleton: replace *Persister with *labrpc.Persister, and the
//     package's own ApplyMsg definition with type ApplyMsg = labrpc.ApplyMsg
//     (an alias: the rest of the code keeps saying ApplyMsg). Equally, type
//     Persister = labrpc.Persister spares editing *Persister.
//  4. Keep everything else: the Raft struct, Make, GetState, Kill and
//     killed, the RPC handlers and their args and reply structs (exported
//     fields, as labgob demands), rf.peers[i].Call("Raft.RequestVote", ...),
//     math/rand, time.Sleep.
//  5. Add a suite file beside raft.go that runs the conformance suite on
//     the factory built from Make, as is (below).
//
// The suite file:
//
//	var _ = specs.Conformance(harness.Target{
//		Name: "my raft", Node: labrpc.Node(Make),
//		HeartbeatBudget: labrpc.HeartbeatBudget, // the course's ten a second
//	})
//
//	func TestConformance(t *testing.T) {
//		specs.RunSuite(t, "my raft") // not RunSpecs: the bubbles need t
//	}
//
// Then go tool ginkgo ./yourpkg. Every scenario runs in a testing/synctest
// bubble, in virtual time. Package
// github.com/ballot-go/ballot/impl/labrpc/example is a complete election in
// this style, with exactly that suite file.
//
// # What the framework sees
//
// Node, State and Stop: see [Node]. GetState is polled, so it must not wait
// on the network (do not hold rf.mu across a Call). Kill must make every
// goroutine of the node end soon: a loop that sleeps should check killed()
// at least every second or so: the framework reports a goroutine that
// outlives Kill by its grace period (10 s) as a leak. After Stop,
// the node's ClientEnds fail at once, and the framework fails calls already
// in flight, so a goroutine blocked in Call returns promptly.
//
// Inbound RPCs reach the value Make returned through the [impl.Handler]
// that [Node] builds: "Raft.RequestVote" calls its method RequestVote by
// reflection. The handler rules, including what happens to a panic in a
// handler (it propagates, and the framework records it), are in [Node]'s
// documentation.
//
// Unlike an [impl.Machine], 6.5840 code draws from the global math/rand and
// runs its own goroutines, so a goroutine node's run is not replayable from
// its seed: virtual time removes wall-clock noise, not scheduling or
// randomness.
package labrpc

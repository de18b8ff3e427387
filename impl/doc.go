// Package impl is the contract between ballot and a leader-election
// implementation. It imports nothing else from ballot, so an implementation
// depends on this package alone.
//
// There are two ways to plug in an implementation:
//
//   - A [Machine] is deterministic: the framework calls Tick and Step from a
//     single goroutine and drains outgoing messages with Ready. The same seed
//     replays the same run bit for bit.
//   - A [Node] runs its own goroutines. Its [NodeFactory] receives an [Env]
//     with an RPC-style [Transport], [Storage] and a logger.
//
// Both report the same facts through [Status]: id, term, role, known leader
// and vote. The framework reads the [Message] envelope (From, To, Term, Kind)
// to inject faults by message kind and to check invariants from the wire.
//
// A minimal Machine wiring, as the simulator does it:
//
//	m, err := raft.New(impl.MachineConfig{
//		ID:      0,
//		Peers:   []int{0, 1, 2},
//		Storage: impl.NewMemStorage(),
//		Rand:    rand.New(rand.NewPCG(seed, 0)),
//	}, raft.DefaultConfig())
//	if err != nil {
//		return err
//	}
//	m.Tick()
//	for _, msg := range m.Ready() {
//		deliver(msg) // to msg.To, which calls Step(msg)
//	}
package impl

// Package raft is the reference leader election of ballot: Raft's election
// (§5.2 and Figure 2 of the extended paper, no log) as a deterministic
// [impl.Machine], with the thesis's pre-vote (§9.6) and check-quorum with a
// leader lease (§4.2.3, §6.4) as options.
//
// The structure follows etcd-io/raft: each role is a pair of functions, a
// step for messages and a tick for time, swapped on every transition.
// Randomness comes only from MachineConfig.Rand, and term and vote are
// written to MachineConfig.Storage before any message that depends on them
// is sent, so a seed replays a run exactly, crashes included.
//
// Wiring a three-member cluster member by member:
//
//	factory, err := raft.DefaultConfig().Factory()
//	if err != nil {
//		return err
//	}
//	m, err := factory(impl.MachineConfig{
//		ID:      0,
//		Peers:   []int{0, 1, 2},
//		Storage: impl.NewMemStorage(),
//		Rand:    rand.New(rand.NewPCG(seed, 0)),
//	})
//	if err != nil {
//		return err
//	}
//	m.Tick()
//	for _, msg := range m.Ready() {
//		deliver(msg) // the machine msg.To then calls Step(msg)
//	}
package raft

// Package faults describes the trouble a nemesis causes, as data and as
// small composable values, in the manner of Jepsen's nemeses and
// toxiproxy's toxics.
//
// A [Grudge] is a partition: for each receiver, the senders it cannot hear.
// A [LinkRule] drops, duplicates or delays messages on matching links; delay
// variance is what reorders them. A [Fault] (one small type per file,
// registered by name) injects one of these, or crashes, pauses or skews a
// node, against any [Target], and heals exactly what it injected. Faults
// keep their grudges and rules under their own keys, so several compose.
// A [Schedule] plays faults over time and always ends healed.
//
// A seeded random nemesis against the simulator (package faults/sim):
//
//	r := rand.New(rand.NewPCG(seed, 0))
//	plan, err := faults.RandomSchedule(r, 5, []string{"halves", "crash-leader", "drop"},
//		60*time.Second, 5*time.Second)
//	if err != nil {
//		return err
//	}
//	err = plan.Run(s, s, func(op faults.Op, err error) { log.Println(op, err) })
//
// Building one directly: f, err := faults.NewDrop(faults.AnyNode, 2, 0.3,
// impl.KindHeartbeat) loses 30% of heartbeats sent to node 2.
package faults

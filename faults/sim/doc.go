// Package sim runs impl.Machines in a deterministic discrete-event
// simulation: virtual time, one goroutine, a seeded network. The same Seed,
// Config and sequence of calls give the same run, event for event, so a
// failure found by a random nemesis replays exactly.
//
// Nodes tick every Config.Tick on their own time cursor; messages travel
// through a priority queue ordered by (delivery time, send order). *Sim is a
// faults.Target and a faults.Clock, so a faults.Schedule drives it directly:
//
//	s, err := sim.New(sim.Config{Nodes: 5, Seed: 42, Factory: raft.New})
//	if err != nil {
//		return err
//	}
//	s.RunUntil(5*time.Second, func() bool { _, ok := s.Leader(); return ok })
//	plan, err := faults.RandomSchedule(s.Rand(), 5, faults.NamesFor(sim.Capabilities()), time.Minute, 5*time.Second)
//	if err != nil {
//		return err
//	}
//	err = plan.Run(s, s, nil) // ends healed: s.Topology().Faulty is false
//	fmt.Println(s.Stats().Delivered, err)
package sim

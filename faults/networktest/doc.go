// Package networktest is the contract every faults.Network keeps, as one
// table of behaviour run against any network, in the style of
// testing/fstest.TestFS: a cut loses messages at send and in flight, a drop
// rule of 1 loses every message of its kinds, a duplicate rule of 1
// delivers each twice, a delay rule adds its delay, pause holds traffic, crash
// reports the node down and keeps its storage, restart restores it, errors
// wrap the sentinels of package faults, the leader is the node that leads
// the highest term, and every change reaches the tracer as a Topology.
//
// A network passes it in its own test:
//
//	func TestContract(t *testing.T) {
//		err := networktest.Check(func(cfg networktest.Config) (faults.Network, error) {
//			return sim.New(sim.Config{Nodes: cfg.Nodes, Seed: cfg.Seed, Factory: cfg.Factory, Tracer: cfg.Tracer})
//		})
//		if err != nil {
//			t.Fatal(err)
//		}
//	}
//
// A network of goroutine nodes runs Check inside a testing/synctest bubble,
// with its nodes built from cfg.Factory by impl/driver.
package networktest

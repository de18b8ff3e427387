// Package harness wires an implementation, a faulty network and a recorder
// into a Cluster that scenarios drive. Both the Ginkgo conformance suite and
// the chaos CLI stand on it.
//
// A scenario reads like the 6.5840 test it comes from:
//
//	c, err := harness.New(harness.Target{Name: "raft", Machine: factory}, harness.Config{Nodes: 3, Seed: 42})
//	if err != nil {
//		return err
//	}
//	leader, _, err := c.CheckOneLeader() // waits up to 5 s of virtual time
//	if err != nil {
//		return err
//	}
//	c.Disconnect(leader)
//	if _, _, err := c.CheckOneLeader(); err != nil {
//		return err
//	}
//	for _, r := range c.Check() { // every invariant, over the whole history
//		fmt.Println(r)
//	}
package harness

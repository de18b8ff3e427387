// Package rpcnet is the network for goroutine nodes (impl.Node): an
// RPC transport that applies the same grudges, link rules and node faults as
// the Machine simulator, polls every node's State, and checks that a stopped
// node leaves no goroutine behind.
//
// It runs on the time package, so inside a testing/synctest bubble the whole
// cluster runs in virtual time, and outside one in real time. Calls behave
// like labrpc's: a call to a cut-off or crashed peer fails only after a
// timeout, so code that holds a lock across such a call is stuck as it would
// be in production.
//
//	net, err := rpcnet.New(rpcnet.Config{Nodes: 3, Seed: 1, Factory: factory, Tracer: rec})
//	if err != nil {
//		return err
//	}
//	defer net.Close() // stops every node, then reports leaked goroutines
//	net.RunFor(5 * time.Second)
//	leader, ok := net.Leader()
//
// Every goroutine a node starts carries pprof labels naming the run, the
// node and its incarnation: the factory runs under them and each inbound
// call is served under them, and children inherit labels. That is how a
// goroutine still alive after its node stopped is pinned on that node.
package rpcnet

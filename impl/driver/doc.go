// Package driver runs any impl.Machine as a goroutine impl.Node: one goroutine
// feeds it ticks from a time.Ticker and the messages that arrive through
// the transport, and sends what it emits as one-way calls. Model:
// etcd-io/raft's node.go, a select loop around RawNode.
//
// With it the same election runs both ways: deterministically in the
// simulator, and as goroutines on the RPC network, in virtual time or real.
//
//	factory, err := raft.DefaultConfig().Factory()
//	if err != nil {
//		return err
//	}
//	target := harness.Target{Name: "raft as a node", Node: driver.Node(factory, 10*time.Millisecond)}
package driver

// Package leakyheartbeat is a 6.5840-style election whose heartbeat
// goroutine never checks Killed() (6.5840's killed()): after Kill it goes
// on looking every tick, forever, and a peer killed while leading goes on
// sending rounds of heartbeats, which the stopped node's ClientEnds fail at
// once. Every incarnation leaves one goroutine behind; a tester that runs
// many peers in one process, as 6.5840's does, piles them up.
//
// Reference: the 6.5840 Lab 3 skeleton's comment on Kill: the tester does
// not halt the goroutines Raft creates, it calls Kill, and long-running
// loops should check killed().
//
// Invariant that must catch it: NoLeaks (a goroutine of the stopped node
// outlives the grace period). When the scenario ends, synctest also reports
// the goroutine left behind in the bubble.
//
// Everything but the heartbeat loop is the correct election of package
// github.com/ballot-go/ballot/impl/zoo/bugs/lab. Plug it in as
//
//	var _ = specs.Conformance(harness.Target{
//		Name: "leaky heartbeat", Node: labrpc.Node(leakyheartbeat.Make), HeartbeatBudget: labrpc.HeartbeatBudget,
//	})
package leakyheartbeat

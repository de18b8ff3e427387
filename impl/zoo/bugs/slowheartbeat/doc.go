// Package slowheartbeat is a 6.5840-style election whose leader sends a
// heartbeat every 3 s, against election timeouts of 300–600 ms. Followers
// time out between any two heartbeats, so every leader is deposed soon
// after its first round, and the term churns with no fault at all.
//
// Reference: Raft §5.6, the timing requirement broadcastTime ≪
// electionTimeout ≪ MTBF; 6.5840 Lab 3A asks for heartbeats often enough
// to elect a leader within five seconds, and at most ten a second.
//
// Invariant that must catch it: Stability (term churn in a steady, healthy
// cluster). Lab 3A's "initial election" fails on it too.
//
// Everything but the heartbeat interval is the correct election of package
// github.com/ballot-go/ballot/impl/zoo/bugs/lab. Plug it in as
//
//	var _ = specs.Conformance(harness.Target{
//		Name: "slow heartbeat", Node: labrpc.Node(slowheartbeat.Make), HeartbeatBudget: labrpc.HeartbeatBudget,
//	})
package slowheartbeat

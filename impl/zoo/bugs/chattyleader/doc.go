// Package chattyleader is a deliberately broken election of ballot's zoo:
// the base of package machine, except that a leader heartbeats every 5
// ticks, 20 times a second, while its target declares the 6.5840 budget of
// 10 heartbeats a second (harness.Target.HeartbeatBudget). The election
// works; the leader breaks its promise.
//
// Reference: MIT 6.5840 Lab 3A, "the tester requires that the leader send
// heartbeat RPCs no more than ten times per second".
//
// Checker that must catch it: HeartbeatBudget (more heartbeats a second on
// a link than declared). Every spec in which a leader holds office for a
// second does, on every seed; "6.5840 Lab 3A initial election" is the
// first.
//
// Plug it in, with the budget it breaks, as
//
//	target := harness.Target{Name: "bug leader heartbeats twenty times a second",
//		Machine: chattyleader.New, HeartbeatBudget: labrpc.HeartbeatBudget}
package chattyleader

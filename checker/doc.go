// Package checker judges a recorded History of a leader election, the way
// Jepsen's checkers judge a database's history. Each Checker is a pure
// function from a History to a Result: Ok, Violated with evidence (a
// plain-language summary, the nodes and terms involved, and a window of the
// surrounding events that always includes the conflicting events), or
// Unknown with a reason when the history cannot decide (no wire record, no
// node count).
//
//	h := recorder.History() // from the harness
//	results := checker.Run(h, checker.All()...)
//	for _, r := range results {
//		fmt.Println(r) // "ElectionSafety: ok", or the findings
//	}
//	// Or pick checkers and tune them:
//	results = checker.Run(h, checker.ElectionSafety{}, checker.ReElection{Within: 2 * time.Second})
//	if checker.Failed(results) {
//		os.Exit(1)
//	}
//
// Conventions the checkers rely on:
//   - Events are in time order; checkers that measure time (ReElection,
//     HeartbeatBudget) return Unknown when At goes backwards.
//   - An Observe event's node is Event.Node; a message's sender and
//     receiver are Msg.From and Msg.To.
//   - Before the first Topology event every node is live and no link is
//     cut. Entries missing from a Net's Live or Cut count as live, not cut.
//   - Node ids come from the history and are not trusted: ids out of range
//     never panic. Checkers that need the cluster size (ReElection,
//     Stability, LeaderHasQuorum) return Unknown when Nodes <= 0 or is
//     implausibly large (MaxNodes; MaxCliqueNodes for ReElection), and
//     ignore observations and votes of nodes outside 0..Nodes-1.
//   - Each checker runs in time linear in the history (map lookups only
//     when a term, vote or topology changes), so all of them together check
//     a million events in well under a second.
//   - A Result keeps at most MaxViolations findings and counts the rest in
//     Suppressed.
//
// Package checker/porc adds a porcupine-based check for implementations
// that claim leader leases, and an HTML view of a stretch of history.
package checker

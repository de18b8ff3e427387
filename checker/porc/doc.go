// Package porc checks leader leases with porcupine, and draws stretches of
// a history with porcupine's HTML view. It is the only package of ballot
// that imports porcupine.
//
// An implementation that claims leader leases promises more than election
// safety: once a node has been observed leading term t', no node may still
// be observed leading an older term t < t'. Each leadership claim in the
// history (a node observed as Leader of a term, until it is next observed
// otherwise) becomes two porcupine operations, "begins" and "still leads",
// and LeaseModel, whose state is the highest term led so far, accepts them
// in any order porcupine finds that respects real time.
//
//	r := porc.CheckLeases(h, 10*time.Second)
//	fmt.Println(r) // LeaderLease: ok, or the stale leader and the newer one
//	f, _ := os.Create("leases.html")
//	defer f.Close()
//	_ = porc.Visualize(f, h, r.Violations[0].At, 2*time.Second)
//
// It is not among checker.All: Raft without leases legitimately keeps a
// deposed leader believing it leads until it hears of the newer term.
package porc

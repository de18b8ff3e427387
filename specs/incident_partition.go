package specs

import (
	"fmt"
	"slices"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/specs/harness"
	. "github.com/onsi/ginkgo/v2"
)

// oneLinkCut is Cloudflare's API incident of 2020-11-02 ("A Byzantine
// failure in the real world",
// https://blog.cloudflare.com/a-byzantine-failure-in-the-real-world/): a
// switch that failed partway cut one etcd member off from the leader while
// both still reached the third member. etcd ran without PreVote; the cut
// member kept calling elections that the third member answered, no leader
// lasted, and the cluster was read-only while the API was degraded for
// six and a half hours.
//
// Schedule: three nodes settle on a leader; the link between the leader
// and one follower is cut both ways, every other link up, for
// incidentHold; then it heals and the cluster must settle.
//
// With PreVote and CheckQuorum the cut follower's pre-votes reach only the
// other follower, which still hears the leader and refuses them (thesis
// §9.6), so the leader keeps its term and no node takes a higher one.
// etcd's PreVote refuses on that ground only with CheckQuorum, hence both.
// Without them the cut follower may force election after election.
func oneLinkCut(target harness.Target) {
	spec("Cloudflare 2020-11-02: one link cut between the leader and a follower, the rest connected", Label("stability", "liveness"),
		scenario(target, 3, func(r *run) {
			leader, term := r.steady()
			follower := r.pick(r.others(leader))
			mark := r.mark()
			r.Partition(faults.Grudge{leader: {follower}, follower: {leader}})
			cut := r.now()
			r.RunFor(incidentHold)
			held, happened := r.kept(leader, term, mark)
			r.expectIf(needs{preVote: true, checkQuorum: true}, held,
				fmt.Sprintf("with the link %d-%d cut at %v, %s", leader, follower, cut, happened))
			r.HealPartition()
			r.settled()
		}))
}

// partialConnectivity is Raft under omission faults (Howard and Abraham,
// "Raft does not Guarantee Liveness in the face of Network Faults",
// Decentralized Thoughts, 2020; Jensen, Howard and Mortier, "Examining
// Raft's behaviour during partial network failures", HAOC 2021). Five
// nodes; numbered as in the picture, 1, 2 and 3 are fully connected (the
// core), 4 is linked only to 2, and 5 only to 3. The leader is placed in
// the core, or at the edge as node 4.
//
// What Raft guarantees here, for every variant: the core is a majority
// that can talk, so a node of it must lead within the re-election bound
// (the ReElection checker's own obligation, restated). An edge node never
// can: it reaches one other node, and needs three votes. With PreVote the
// edge nodes cannot win a pre-vote for the same reason, so once a core
// node leads, no node takes a higher term for as long as the partition
// lasts. Without PreVote an edge node that stops hearing a leader raises
// its term, its one neighbour adopts it, and the leader is deposed, again
// and again: that is reported, not judged.
func partialConnectivity(target harness.Target) {
	for _, atEdge := range []bool{false, true} {
		where := map[bool]string{false: "in the core", true: "at the edge"}[atEdge]
		spec("omission faults: 1-2-3 connected, 4 only to 2, 5 only to 3, leader "+where, Label("stability", "liveness"),
			scenario(target, 5, func(r *run) { partialConnectivityRun(r, atEdge) }))
	}
}

func partialConnectivityRun(r *run, atEdge bool) {
	leader, _ := r.steady()
	l := r.layout(leader, atEdge)
	r.Partition(l.grudge())
	cut := r.now()
	if !r.RunUntil(harness.DefaultElectionBy, func() bool { n, _, ok := r.Leader(); return ok && slices.Contains(l.core[:], n) }) {
		r.must(fmt.Errorf("%s from %v: no node of the core led by %v, though the core is a majority that can talk", l, cut, r.now()))
	}
	coreLeader, term, _ := r.Leader()
	mark := r.mark()
	r.RunFor(incidentHold)
	held, happened := r.kept(coreLeader, term, mark)
	r.expectIf(needs{preVote: true}, held, fmt.Sprintf("%s from %v: %s", l, cut, happened))
	r.HealPartition()
	r.settled()
}

// layout is the picture's five nodes: core[0], core[1] and core[2] are
// 1, 2 and 3; edge[0] is 4, linked only to core[1], and edge[1] is 5,
// linked only to core[2].
type layout struct {
	core [3]int
	edge [2]int
}

// layout places leader in the core (at a random place in it) or as the
// edge node 4, and the other nodes at random.
func (r *run) layout(leader int, atEdge bool) layout {
	rest := r.others(leader)
	r.rand.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	at := 3
	if !atEdge {
		at = r.rand.IntN(3)
	}
	order := slices.Insert(rest, at, leader)
	return layout{core: [3]int{order[0], order[1], order[2]}, edge: [2]int{order[3], order[4]}}
}

// linked reports whether a and b may talk.
func (l layout) linked(a, b int) bool {
	inCore := slices.Contains(l.core[:], a) && slices.Contains(l.core[:], b)
	return inCore || l.pair(a, b, l.edge[0], l.core[1]) || l.pair(a, b, l.edge[1], l.core[2])
}

func (l layout) pair(a, b, x, y int) bool { return a == x && b == y || a == y && b == x }

// grudge cuts every link the picture does not draw, both ways.
func (l layout) grudge() faults.Grudge {
	g := faults.Grudge{}
	for to := range 5 {
		for from := range 5 {
			if from != to && !l.linked(from, to) {
				g[to] = append(g[to], from)
			}
		}
	}
	return g
}

func (l layout) String() string {
	return fmt.Sprintf("core %v, node %d linked only to %d, node %d only to %d", l.core, l.edge[0], l.core[1], l.edge[1], l.core[2])
}

package harness

import (
	"fmt"
	"sort"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// These checks mirror the 6.5840 tester's helpers, but they look at the
// cluster after every event instead of every half second. They answer the
// scenario's questions; the checkers judge the whole history afterwards.

// CheckOneLeader waits up to Config.ElectionBy of virtual time for a
// connected node to lead, and returns the leader of the highest term. Two
// connected leaders in one term fail at once.
func (c *Cluster) CheckOneLeader() (leader int, term uint64, err error) {
	var splitBrain error
	found := c.b.RunUntil(c.cfg.ElectionBy, func() bool {
		leader, term, splitBrain = c.leaderNow()
		return leader != impl.None || splitBrain != nil
	})
	if splitBrain != nil {
		return impl.None, 0, splitBrain
	}
	if !found {
		return impl.None, 0, fmt.Errorf("expected one leader among connected nodes %v, got none within %v (at %v)",
			c.connectedNodes(), c.cfg.ElectionBy, c.Now())
	}
	return leader, term, nil
}

// Leader returns the connected leader of the highest term right now, if any.
func (c *Cluster) Leader() (leader int, term uint64, ok bool) {
	leader, term, err := c.leaderNow()
	return leader, term, err == nil && leader != impl.None
}

func (c *Cluster) leaderNow() (leader int, term uint64, err error) {
	nodes := c.connectedNodes()
	statuses := make([]impl.Status, len(nodes))
	leaders := map[uint64]int{}
	for i, n := range nodes {
		s := c.b.Status(n)
		statuses[i] = s
		if s.Role != impl.Leader {
			continue
		}
		if other, dup := leaders[s.Term]; dup {
			return impl.None, 0, fmt.Errorf("term %d has 2 leaders: nodes %d and %d (at %v)", s.Term, other, n, c.Now())
		}
		leaders[s.Term] = n
	}
	leader, term = faults.HighestLeader(func(yield func(int, impl.Status) bool) {
		for i, n := range nodes {
			if !yield(n, statuses[i]) {
				return
			}
		}
	})
	return leader, term, nil
}

// CheckNoLeader fails if any connected node claims to lead.
func (c *Cluster) CheckNoLeader() error {
	for _, n := range c.connectedNodes() {
		if s := c.b.Status(n); s.Role == impl.Leader {
			return fmt.Errorf("expected no leader among connected nodes %v, but node %d claims to lead term %d (at %v)",
				c.connectedNodes(), n, s.Term, c.Now())
		}
	}
	return nil
}

// CheckTerms fails unless every connected node reports the same term, and returns it.
func (c *Cluster) CheckTerms() (uint64, error) {
	terms := map[uint64][]int{}
	var term uint64
	for _, n := range c.connectedNodes() {
		term = c.b.Status(n).Term
		terms[term] = append(terms[term], n)
	}
	if len(terms) > 1 {
		return 0, fmt.Errorf("connected nodes disagree on the term: %s (at %v)", describeTerms(terms), c.Now())
	}
	return term, nil
}

// connectedNodes are the nodes that are running (not crashed, not paused)
// and not disconnected: the ones the 6.5840 tester would ask.
func (c *Cluster) connectedNodes() []int {
	var nodes []int
	for n := range c.cfg.Nodes {
		if !c.disconnected[n] && c.b.Live(n) {
			nodes = append(nodes, n)
		}
	}
	return nodes
}

func describeTerms(terms map[uint64][]int) string {
	keys := make([]uint64, 0, len(terms))
	for t := range terms {
		keys = append(keys, t)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	s := ""
	for i, t := range keys {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("term %d at nodes %v", t, terms[t])
	}
	return s
}

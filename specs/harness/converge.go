package harness

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// RunUntil lets virtual time pass until done reports true (checked after
// every event) or limit has passed, and reports whether done became true.
func (c *Cluster) RunUntil(limit time.Duration, done func() bool) bool {
	return c.b.RunUntil(limit, done)
}

// CheckConverged waits up to Config.ElectionBy for the connected nodes to
// settle: one term, one leader, and every connected node following it.
// It is stricter than CheckOneLeader, which accepts stale leaders and
// followers that have not yet heard of the new term.
func (c *Cluster) CheckConverged() (leader int, term uint64, err error) {
	ok := c.b.RunUntil(c.cfg.ElectionBy, func() bool {
		leader, term = c.consensus()
		return leader != impl.None
	})
	if !ok {
		return impl.None, 0, fmt.Errorf("connected nodes did not settle on one leader within %v (at %v): %s",
			c.cfg.ElectionBy, c.Now(), c.describeNodes())
	}
	return leader, term, nil
}

// consensus returns the leader every connected node agrees on, if any. A
// follower that does not know the leader (Leader is None, as goroutine nodes
// that only report State() do) agrees with any; one that names another does not.
func (c *Cluster) consensus() (leader int, term uint64) {
	leader, term, err := c.leaderNow()
	if err != nil || leader == impl.None {
		return impl.None, 0
	}
	for _, n := range c.connectedNodes() {
		s := c.b.Status(n)
		if s.Term != term || (s.Leader != impl.None && s.Leader != leader) || (s.Role == impl.Leader) != (n == leader) {
			return impl.None, 0
		}
	}
	return leader, term
}

func (c *Cluster) describeNodes() string {
	s := ""
	for n := range c.cfg.Nodes {
		if n > 0 {
			s += "; "
		}
		s += c.b.Status(n).String()
		if c.disconnected[n] {
			s += " (disconnected)"
		}
	}
	return s
}

package checker

import "fmt"

// NoStuck checks that no node stopped answering and no clock froze: every
// Stuck event is a finding, with the stacks in its window.
type NoStuck struct{}

func (NoStuck) Name() string { return "NoStuck" }

func (c NoStuck) Check(h History) Result {
	return eachEvent(c.Name(), h, Stuck, func(e *Event) string {
		return fmt.Sprintf("node %d got stuck: %s", e.Node, firstLine(e.Detail))
	})
}

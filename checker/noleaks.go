package checker

import (
	"fmt"
	"strings"
)

// NoLeaks checks that no goroutine of a stopped node outlived the grace
// period: every Leak event is a finding, with the stack in its window.
type NoLeaks struct{}

func (NoLeaks) Name() string { return "NoLeaks" }

func (c NoLeaks) Check(h History) Result {
	return eachEvent(c.Name(), h, Leak, func(e *Event) string {
		return fmt.Sprintf("node %d leaked a goroutine after it stopped: %s", e.Node, firstLine(e.Detail))
	})
}

// eachEvent reports every event of type t as a finding about its node.
func eachEvent(name string, h History, t EventType, summary func(e *Event) string) Result {
	rep := newReport(h)
	for i := range h.Events {
		e := &h.Events[i]
		if e.Type != t || !rep.room() {
			continue
		}
		rep.add(Violation{Summary: summary(e), At: e.At, Nodes: []int{e.Node}}, i)
	}
	return rep.result(name)
}

// firstLine keeps a summary to one line; the whole text is in the window.
func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "no stack recorded"
	}
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

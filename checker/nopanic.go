package checker

import "fmt"

// NoPanic checks that no call into the implementation panicked: every
// Panic event is a finding, with the call, the value and the stack in its
// window (Detail reads "in Step: <value>" and then the stack). A
// panic is the root cause of whatever follows it (the network treats it as
// a crash of the node), so reports list this checker first.
type NoPanic struct{}

func (NoPanic) Name() string { return "NoPanic" }

func (c NoPanic) Check(h History) Result {
	return eachEvent(c.Name(), h, Panic, func(e *Event) string {
		return fmt.Sprintf("node %d panicked %s", e.Node, firstLine(e.Detail))
	})
}

package harness

import (
	"slices"
	"strings"

	"github.com/ballot-go/ballot/faults"
)

// FaultApplies says whether the fault registered as name can be run
// against the target, and if not, why. It is decided from the target's
// declarations before a cluster starts, so a run that happened is always
// judged: nothing is skipped after the fact.
func (t Target) FaultApplies(name string) (bool, string) {
	switch {
	case name == "skew" && !t.Capabilities().Skew:
		return false, "a goroutine node's clock cannot be skewed: it reads the process clock"
	case slices.Contains(faults.MessageFaults, name) && !t.Capabilities().Messages:
		return false, "the network carries opaque byte streams, not messages: it can cut and delay whole links, not drop, duplicate or reorder single messages"
	case strings.HasPrefix(name, "crash") && t.Volatile:
		return false, "the target declares Volatile (it keeps no term or vote across a restart), so crash-and-restart scenarios do not apply"
	}
	return true, ""
}

// Faults lists the registered faults that apply to the target.
func (t Target) Faults() []string {
	return slices.DeleteFunc(faults.Names(), func(name string) bool {
		ok, _ := t.FaultApplies(name)
		return !ok
	})
}

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
	if ok, why := faults.Supported(name, t.Capabilities()); !ok {
		return false, why
	}
	if strings.HasPrefix(name, "crash") && t.Volatile {
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

package specs

import (
	"slices"
	"strings"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/specs/harness"
)

// faultApplies says whether the fault registered as name can be run against
// target, and if not, why. It is decided from the target's declarations
// before a cluster starts, so a spec that ran is always judged: nothing is
// skipped after the fact.
func faultApplies(target harness.Target, name string) (bool, string) {
	switch {
	case name == "skew" && target.IsNode():
		return false, "a goroutine node's clock cannot be skewed: it reads the process clock"
	case strings.HasPrefix(name, "crash") && target.Volatile:
		return false, "the target declares Volatile (it keeps no term or vote across a restart), so crash-and-restart scenarios do not apply"
	}
	return true, ""
}

// faultsFor lists the registered faults that apply to target.
func faultsFor(target harness.Target) []string {
	return slices.DeleteFunc(faults.Names(), func(name string) bool {
		ok, _ := faultApplies(target, name)
		return !ok
	})
}

package faults

import (
	"slices"
)

// Supported says whether the fault registered as name can run on a
// network with capabilities c, and if not, why, in words for a report.
// It is decided before a run, so that a fault that cannot act is left out
// of a schedule rather than failing in it.
func Supported(name string, c Capabilities) (bool, string) {
	switch {
	case name == "skew" && !c.Skew:
		return false, "a goroutine node's clock cannot be skewed: it reads the process clock"
	case slices.Contains(MessageFaults, name) && !c.Messages:
		return false, "the network carries opaque byte streams, not messages: it can cut and delay whole links, not drop, duplicate or reorder single messages"
	case name == "half-open" && !c.HalfOpen:
		return false, "the network carries messages one by one, with no connections to leave half-open"
	}
	return true, ""
}

// NamesFor lists the registered faults that a network with capabilities c
// supports, sorted: what a random nemesis on it draws from.
func NamesFor(c Capabilities) []string {
	return slices.DeleteFunc(Names(), func(name string) bool {
		ok, _ := Supported(name, c)
		return !ok
	})
}

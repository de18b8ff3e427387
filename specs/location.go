package specs

import (
	"github.com/onsi/ginkgo/v2/types"

	. "github.com/onsi/ginkgo/v2"
)

// registeredAt is where the user's code called Conformance or Sweep, while
// Ginkgo builds the specs that call registers. Every spec carries it as its
// location, so that a failure points at the user's test file: the steps of a
// scenario are found by its name.
var registeredAt *types.CodeLocation

// describeAt registers a target's container at the caller's caller (the
// user's call of Conformance or Sweep), and has the specs built inside it
// carry that location.
func describeAt(name string, body func()) bool {
	at := types.NewCodeLocation(2)
	return Describe(name, at, func() {
		registeredAt = &at
		defer func() { registeredAt = nil }()
		body()
	})
}

// spec is It, at the location of the user's registering call.
func spec(text string, args ...any) bool {
	if registeredAt != nil {
		args = append(args, *registeredAt)
	}
	return It(text, args...)
}

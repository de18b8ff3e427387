package porc

import (
	"strconv"

	"github.com/anishathalye/porcupine"
)

// LeaseModel is the sequential specification of leases: a history of
// leadership observations is legal if they can be ordered, consistently
// with real time, so that the terms led never go down. Its state is the
// highest term led so far (uint64); inputs are Claims; outputs are unused.
// A claim of term t is illegal once a claim of a newer term has been
// linearized, which porcupine must do whenever that claim completed before
// this one started.
var LeaseModel = porcupine.Model{
	Init: func() any { return uint64(0) },
	Step: func(state, input, _ any) (bool, any) {
		highest, c := state.(uint64), input.(Claim)
		if c.Term < highest {
			return false, state
		}
		return true, c.Term
	},
	Equal: func(a, b any) bool { return a.(uint64) == b.(uint64) },
	Hash:  func(s any) uint64 { return s.(uint64) },
	DescribeOperation: func(input, _ any) string {
		return input.(Claim).String()
	},
	DescribeState: func(s any) string {
		return "highest term led: " + strconv.FormatUint(s.(uint64), 10)
	},
}

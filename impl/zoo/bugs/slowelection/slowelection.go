package slowelection

import (
	"math/rand/v2"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/zoo/bugs/machine"
)

// New builds a member with an election timeout above 5 s: an
// impl.MachineFactory.
func New(cfg impl.MachineConfig) (impl.Machine, error) {
	return machine.NewVariant(cfg, machine.Variant{ElectionTimeout: electionTimeout})
}

// electionTimeout is the bug: 520 to 539 ticks, 5.2 s to 5.4 s at 10 ms a
// tick. The correct draw is machine.ElectionTimeout, 500 ms to 1 s.
func electionTimeout(r *rand.Rand) int {
	return 520 + r.IntN(20) // should be: 50 + r.IntN(50)
}

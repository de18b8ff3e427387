package majorityoffbyone

import (
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/zoo/bugs/machine"
)

// New builds a member that takes half of the votes for a majority: an
// impl.MachineFactory.
func New(cfg impl.MachineConfig) (impl.Machine, error) {
	return machine.NewVariant(cfg, machine.Variant{Won: won})
}

// won is the bug: half of the members is taken for a majority. The correct
// count is machine.Won.
func won(votes, size int) bool {
	return votes >= size/2 // should be: votes > size/2
}

package forgetful

import (
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/zoo/bugs/machine"
)

// New builds a member that keeps its term and vote in memory only: an
// impl.MachineFactory.
func New(cfg impl.MachineConfig) (impl.Machine, error) {
	return machine.NewVariant(cfg, machine.Variant{Persist: persist})
}

// persist is the bug: it saves nothing, so a restarted node reads the empty
// state, term 0 and no vote. The correct save is machine.Persist.
func persist(impl.Storage, impl.HardState) {
	// should be: s.SetHardState(hs)
}

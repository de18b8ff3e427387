package noretry

import (
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/zoo/bugs/machine"
)

// New builds a member that campaigns at most once between leaders: an
// impl.MachineFactory.
func New(cfg impl.MachineConfig) (impl.Machine, error) {
	return machine.NewVariant(cfg, machine.Variant{Retry: retry})
}

// retry is the bug: a candidate whose election timed out never tries
// again. The correct rule is machine.Retry.
func retry(elections int) bool {
	return false // should be: true, however many elections failed
}

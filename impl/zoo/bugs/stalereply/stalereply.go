package stalereply

import (
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/zoo/bugs/machine"
)

// New builds a member whose replies may lower its term: an
// impl.MachineFactory.
func New(cfg impl.MachineConfig) (impl.Machine, error) {
	return machine.NewVariant(cfg, machine.Variant{AdoptReplyTerm: adoptReplyTerm})
}

// adoptReplyTerm is the bug: any term a reply carries replaces the node's
// own, a lower one too. The correct rule is machine.AdoptReplyTerm.
func adoptReplyTerm(current, reply uint64) bool {
	return true // should be: reply > current
}

package chattyleader

import (
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/zoo/bugs/machine"
)

// New builds a member whose leader heartbeats 20 times a second: an
// impl.MachineFactory.
func New(cfg impl.MachineConfig) (impl.Machine, error) {
	return machine.NewVariant(cfg, machine.Variant{HeartbeatTicks: heartbeatTicks})
}

// heartbeatTicks is the bug: 5 ticks, 50 ms at 10 ms a tick, twice the 10
// a second the target declares. The correct period is
// machine.HeartbeatTicks, 150 ms.
const heartbeatTicks = 5 // should be: at least 10, and 15 leaves room for a fast clock

package sim

import (
	"fmt"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

// node is one member of the simulated cluster, across its incarnations.
type node struct {
	m           impl.Machine // nil while crashed
	storage     *impl.MemStorage
	logger      hclog.Logger
	incarnation uint64
	crashed     bool
	paused      bool
	rate        float64        // clock skew: ticks per tick round
	credit      float64        // ticks earned but not yet run, below 1
	downTerm    uint64         // term when it crashed, reported while down
	last        impl.Status    // last status traced
	inbox       []impl.Message // arrived while paused, in order
}

// build makes incarnation nd.incarnation of node id. Its randomness is a
// function of (seed, id, incarnation) only, so a restart replays the same
// way whatever else happened in the run.
func (s *Sim) build(id int) error {
	nd := &s.nodes[id]
	m, err := construct(s.cfg.Factory, impl.MachineConfig{
		ID:      id,
		Peers:   append([]int(nil), s.peers...), // a copy each, in case a machine keeps it
		Storage: nd.storage,
		Rand:    faults.NodeRand(s.cfg.Seed, id, int(nd.incarnation)),
		Logger:  nd.logger,
	})
	if err == nil && m == nil {
		err = fmt.Errorf("factory returned a nil machine")
	}
	if err != nil {
		return fmt.Errorf("sim: node %d: %w", id, err)
	}
	nd.m = m
	nd.crashed = false
	return nil
}

// construct calls the factory, turning a panic into an error.
func construct(f impl.MachineFactory, cfg impl.MachineConfig) (m impl.Machine, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("factory panicked: %v", v)
		}
	}()
	return f(cfg)
}

package sim

import (
	"fmt"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

// Config describes a simulated cluster.
type Config struct {
	Nodes   int
	Seed    uint64
	Tick    time.Duration // virtual time per Tick; default 10ms when zero
	Factory impl.MachineFactory
	// Latency is the base latency of every link; default Constant 1ms when
	// it is the zero value.
	Latency faults.Delay
	Tracer  Tracer       // may be nil
	Logger  hclog.Logger // may be nil -> null logger
}

const (
	defaultTick    = 10 * time.Millisecond
	defaultLatency = time.Millisecond
)

// withDefaults fills the zero fields that have defaults and validates the
// result.
func (c Config) withDefaults() (Config, error) {
	if c.Tick == 0 {
		c.Tick = defaultTick
	}
	if c.Latency == (faults.Delay{}) {
		c.Latency = faults.Delay{Dist: faults.Constant, Base: defaultLatency}
	}
	if c.Logger == nil {
		c.Logger = hclog.NewNullLogger()
	}
	switch {
	case c.Nodes < 1:
		return c, fmt.Errorf("sim: Nodes must be at least 1, got %d", c.Nodes)
	case c.Factory == nil:
		return c, fmt.Errorf("sim: Factory is nil")
	case c.Tick < 0:
		return c, fmt.Errorf("sim: Tick must be positive, got %v", c.Tick)
	}
	if err := c.Latency.Validate(); err != nil {
		return c, fmt.Errorf("sim: Latency: %w", err)
	}
	return c, nil
}

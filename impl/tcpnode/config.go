package tcpnode

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/raft"
	"github.com/hashicorp/go-hclog"
)

// DefaultTick is the tick the reference election's timing is written for
// (raft.DefaultConfig: election timeouts of 500-1000 ms).
const DefaultTick = 10 * time.Millisecond

// Config is one node of a cluster.
type Config struct {
	ID int
	// Listen is the address peers' messages arrive on, such as
	// "127.0.0.1:7000".
	Listen string
	// State is the address GET /state is served on.
	State string
	// Peers is the address to dial for each other member, by id. The
	// cluster is ID and these; ID itself must not be among them.
	Peers map[int]string
	// DataDir holds the term and vote; it is created if missing.
	DataDir string
	// Tick is how often the Machine ticks, in real time; 0 is DefaultTick.
	Tick time.Duration
	// Machine builds the election; nil is the reference,
	// raft.DefaultConfig().
	Machine impl.MachineFactory
	// Seed feeds the Machine's randomness, mixed with ID so that nodes
	// given the same seed still draw different timeouts.
	Seed uint64
	// Logger receives the node's log; nil discards it.
	Logger hclog.Logger
}

// Validate reports the first problem with c, or nil. It opens nothing, so
// a command line can tell a usage error from a failure to run.
func (c Config) Validate() error {
	switch {
	case c.ID < 0:
		return fmt.Errorf("tcpnode: ID %d: ids are integers from 0", c.ID)
	case c.Listen == "":
		return fmt.Errorf("tcpnode: node %d: Listen, the address for peers' messages, is empty", c.ID)
	case c.State == "":
		return fmt.Errorf("tcpnode: node %d: State, the address of GET /state, is empty", c.ID)
	case c.DataDir == "":
		return fmt.Errorf("tcpnode: node %d: DataDir is empty: without it a restarted node forgets its vote", c.ID)
	case c.Tick < 0:
		return fmt.Errorf("tcpnode: node %d: Tick %v is negative", c.ID, c.Tick)
	}
	return c.validatePeers()
}

func (c Config) validatePeers() error {
	for _, id := range slices.Sorted(maps.Keys(c.Peers)) {
		switch {
		case id == c.ID:
			return fmt.Errorf("tcpnode: node %d is among its own Peers: list the other members only", c.ID)
		case id < 0:
			return fmt.Errorf("tcpnode: node %d: peer id %d: ids are integers from 0", c.ID, id)
		case c.Peers[id] == "":
			return fmt.Errorf("tcpnode: node %d: peer %d has no address", c.ID, id)
		}
	}
	return nil
}

// withDefaults fills in what the zero Config leaves to Run.
func (c Config) withDefaults() (Config, error) {
	if c.Tick == 0 {
		c.Tick = DefaultTick
	}
	if c.Logger == nil {
		c.Logger = hclog.NewNullLogger()
	}
	if c.Machine == nil {
		f, err := raft.DefaultConfig().Factory()
		if err != nil {
			return c, err
		}
		c.Machine = f
	}
	return c, nil
}

// members is every id of the cluster, ID included, in order.
func (c Config) members() []int {
	ids := append(slices.Collect(maps.Keys(c.Peers)), c.ID)
	slices.Sort(ids)
	return ids
}

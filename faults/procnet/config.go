package procnet

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/hashicorp/go-hclog"
)

// Config describes a cluster of processes.
type Config struct {
	Nodes []NodeSpec
	// Seed drives every random choice the network makes (proxy jitter).
	Seed uint64
	// Dir holds each node's data directory and log unless its spec names
	// one: Dir/node-<id>. Required.
	Dir string
	// Poll is how often each node's /state is read (10 ms).
	Poll time.Duration
	// Answer is how long a /state request may take before the node counts
	// as not answering that poll (200 ms).
	Answer time.Duration
	// Start bounds how long a started node may take to serve /state (10 s).
	Start time.Duration
	// Stop is how long a node gets to exit after SIGTERM before SIGKILL (2 s).
	Stop time.Duration
	// PerMember puts one proxy before each node instead of one per ordered
	// link, for systems that advertise one peer address per member, which
	// every other member dials (etcd): the proxy tells its callers apart by
	// the process that owns each connection's socket. A connection carries
	// both directions there, so a cut is always two-way, and the topology
	// says so.
	PerMember bool
	Tracer    faults.Tracer
	Logger    hclog.Logger
}

// NodeSpec is one member: a command ballot starts, or a process already
// running at State.
type NodeSpec struct {
	ID int
	// Command is the node's argv, with placeholders that ballot fills in
	// (see Expand). Empty for a node already running.
	Command []string
	// Listen is the node's peer listen address, where the proxies of the
	// links to it forward. Empty: ballot picks a free loopback port.
	Listen string
	// State is the host:port that serves GET /state. Empty: ballot picks one.
	State string
	// Dir is the node's working and data directory, kept across restarts.
	// Empty: Config.Dir/node-<id>.
	Dir string
}

func (c Config) withDefaults() (Config, error) {
	if err := c.validate(); err != nil {
		return c, err
	}
	c.Poll = orDefault(c.Poll, 10*time.Millisecond)
	c.Answer = orDefault(c.Answer, 200*time.Millisecond)
	c.Start = orDefault(c.Start, 10*time.Second)
	c.Stop = orDefault(c.Stop, 2*time.Second)
	if c.Logger == nil {
		c.Logger = hclog.NewNullLogger()
	}
	// A node runs in its own directory, so a relative path would point
	// somewhere else from there.
	dir, err := filepath.Abs(c.Dir)
	if err != nil {
		return c, fmt.Errorf("procnet: Config.Dir %q: %w", c.Dir, err)
	}
	c.Dir = dir
	return c, nil
}

func (c Config) validate() error {
	switch {
	case len(c.Nodes) == 0:
		return errors.New("procnet: the cluster has no nodes: describe each node's command")
	case c.Dir == "":
		return errors.New("procnet: Config.Dir is empty: give the directory for the nodes' data and logs")
	}
	for i, n := range c.Nodes {
		if n.ID != i {
			return fmt.Errorf("procnet: node %d of the cluster has id %d: ids are 0 to %d, in order", i, n.ID, len(c.Nodes)-1)
		}
		if len(n.Command) == 0 && n.State == "" {
			return fmt.Errorf("procnet: node %d has neither a command to start nor a state address to reach: give one", i)
		}
	}
	return nil
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

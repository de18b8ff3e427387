package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/procnet"
	"github.com/ballot-go/ballot/specs/harness"
	"go.yaml.in/yaml/v3"
)

// clusterFile is what --cluster reads: the nodes of an external cluster.
//
//	command: [chaos, node, --id, "{id}", --listen, "{listen}", --state, "{state}", --data, "{data}", "{peers}"]
//	nodes:
//	  - id: 0
//	  - id: 1
//	  - id: 2
//	    listen: 127.0.0.1:7002   # optional: ballot picks free loopback ports
type clusterFile struct {
	// Command is every node's command unless it gives its own.
	Command []string `yaml:"command"`
	// Peers is per-link (the default: a proxy per ordered link, each node
	// given its own address for each peer) or per-member (a proxy before
	// each node, for systems that advertise one peer address per member).
	Peers string        `yaml:"peers"`
	Poll  time.Duration `yaml:"poll"`
	Start time.Duration `yaml:"start"`
	Nodes []clusterNode `yaml:"nodes"`
}

type clusterNode struct {
	ID      *int     `yaml:"id"`
	Command []string `yaml:"command"`
	Listen  string   `yaml:"listen"`
	State   string   `yaml:"state"`
	Dir     string   `yaml:"dir"`
}

// readCluster parses and checks a cluster file; every error names the file,
// the line and the node.
func readCluster(path string) (clusterFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return clusterFile{}, usagef("--cluster: %v: give the YAML file that describes the cluster's nodes", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return clusterFile{}, usagef("--cluster %s: %v", path, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var c clusterFile
	if err := dec.Decode(&c); err != nil {
		return clusterFile{}, usagef("--cluster %s: %v (the fields are command, peers, poll, start, nodes; a node has id, command, listen, state, dir)", path, err)
	}
	return c, c.check(path, nodeLines(&doc))
}

func (c clusterFile) check(path string, lines []int) error {
	if len(c.Nodes) == 0 {
		return usagef("--cluster %s: no nodes: list them under nodes:, each with its id", path)
	}
	if c.Peers != "" && c.Peers != "per-link" && c.Peers != "per-member" {
		return usagef("--cluster %s: peers: %q: write per-link (a proxy per link, the default) or per-member (a proxy per node, for one advertised peer address per member)", path, c.Peers)
	}
	for i, n := range c.Nodes {
		at := fmt.Sprintf("%s:%d: node %d", path, lineOf(lines, i), i)
		switch {
		case n.ID == nil || *n.ID != i:
			return usagef("%s: give it id: %d (ids are 0 to %d, in order)", at, i, len(c.Nodes)-1)
		case len(n.Command) == 0 && len(c.Command) == 0 && n.State == "":
			return usagef("%s: no command to start it and no state address to reach it: give command (here or at the top) or state", at)
		}
	}
	return nil
}

// nodeLines are the lines of the nodes' entries, for errors.
func nodeLines(doc *yaml.Node) []int {
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "nodes" {
			var lines []int
			for _, n := range root.Content[i+1].Content {
				lines = append(lines, n.Line)
			}
			return lines
		}
	}
	return nil
}

func lineOf(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}

// clusterTarget is the implementation of a --cluster run: its nodes run
// as processes on a procnet network, each run in a directory of its own
// under the run directory (set once it exists).
func clusterTarget(path string, c clusterFile, runDir *string) implementation {
	base := filepath.Dir(path)
	start := func(tracer faults.Tracer, cfg harness.Config) (faults.Network, error) {
		return procnet.New(procnet.Config{Nodes: c.specs(base), Seed: cfg.Seed, Poll: c.Poll, Start: c.Start, PerMember: c.Peers == "per-member",
			Dir: filepath.Join(*runDir, fmt.Sprintf("cluster-seed-%d", cfg.Seed)), Tracer: tracer, Logger: cfg.Logger})
	}
	t := harness.Target{Name: "cluster " + filepath.Base(path),
		External: &harness.External{Start: start, Capabilities: procnet.Capabilities()}}
	return implementation{target: t, about: "processes from " + path}
}

func (c clusterFile) specs(base string) []procnet.NodeSpec {
	specs := make([]procnet.NodeSpec, len(c.Nodes))
	for i, n := range c.Nodes {
		cmd := n.Command
		if len(cmd) == 0 {
			cmd = c.Command
		}
		cmd = fromFileDir(cmd, base)
		dir := n.Dir
		if dir != "" && !filepath.IsAbs(dir) {
			dir = filepath.Join(base, dir)
		}
		specs[i] = procnet.NodeSpec{ID: i, Command: cmd, Listen: n.Listen, State: n.State, Dir: dir}
	}
	return specs
}

// preflight starts the cluster once and stops it, so that a node that
// cannot start (a missing binary, a port in use, garbage on /state) is a
// mistake in the cluster file, named with its node, before any run.
func (p plan) preflight() error {
	if p.Cluster == "" {
		return nil
	}
	net, err := p.impl.target.External.Start(nil, harness.Config{Nodes: p.Nodes, Seed: 0})
	if err != nil {
		return usagef("--cluster %s: %v", p.Cluster, err)
	}
	net.Close()
	return nil
}

// fromFileDir makes a relative program path ("./etcd-member") relative to
// the cluster file's directory: a node runs in its own directory, where
// the path would mean something else. A bare name is looked up on PATH.
func fromFileDir(cmd []string, base string) []string {
	if len(cmd) == 0 || filepath.IsAbs(cmd[0]) || !strings.Contains(cmd[0], "/") {
		return cmd
	}
	return append([]string{filepath.Join(base, cmd[0])}, cmd[1:]...)
}

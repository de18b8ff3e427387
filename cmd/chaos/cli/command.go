package cli

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// replayCommand is the chaos run command line that runs seed of the plan
// again, and nothing else.
func (p plan) replayCommand(seed uint64) string {
	what := []string{"--impl", p.Impl}
	if p.Cluster != "" {
		what = []string{"--cluster", p.Cluster}
	}
	args := append(append([]string{commandName(), "run"}, what...), "--nodes", fmt.Sprint(p.Nodes),
		"--time", p.Time.String(), "--interval", p.Interval.String(), "--settle", p.Settle.String(),
		"--nemesis", p.nemesisFlag(), "--seed", fmt.Sprint(seed))
	if p.RealTime {
		args = append(args, "--real-time")
	}
	if len(p.Episodes) > 0 {
		args = append(args, "--episodes", formatEpisodes(p.Episodes))
	}
	return strings.Join(args, " ")
}

// commandName is how the user ran this program: "chaos" when it is on the
// PATH as chaos, else the path they typed.
func commandName() string {
	name := program
	if filepath.Base(name) == name || strings.Contains(name, "go-build") {
		return "chaos"
	}
	return name
}

// program is os.Args[0] as the process started: testing.Main rewrites
// os.Args.
var program = "chaos"

// nemesisFlag is --nemesis as a person would write it: "all" for every
// fault that applies.
func (p plan) nemesisFlag() string {
	if slices.Equal(p.Nemesis, p.impl.target.Faults()) {
		return "all"
	}
	return strings.Join(p.Nemesis, ",")
}

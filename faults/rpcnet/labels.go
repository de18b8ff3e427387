package rpcnet

import (
	"context"
	"runtime/pprof"
	"strconv"
	"strings"
)

// Label keys on every goroutine of a cluster. A node's goroutines carry its
// id and incarnation under LabelNode and LabelIncarnation. The framework's
// own goroutines carry LabelNode "framework", and the goroutine that polls
// node N carries "poll-N": the leak check counts neither, and a watchdog
// that finds a poller blocked knows whose State is stuck.
const (
	LabelRun         = "ballot-run"
	LabelNode        = "ballot-node"
	LabelIncarnation = "ballot-incarnation"
	FrameworkRole    = "framework"
	PollerPrefix     = "poll-"
)

func nodeLabels(run string, node, incarnation int) pprof.LabelSet {
	return pprof.Labels(LabelRun, run, LabelNode, strconv.Itoa(node), LabelIncarnation, strconv.Itoa(incarnation))
}

// setLabels labels the calling goroutine as node's; goroutines it starts inherit them.
func setLabels(run string, node, incarnation int) {
	pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), nodeLabels(run, node, incarnation)))
}

// setRoleLabels labels the calling goroutine as one of the framework's.
func setRoleLabels(run, role string) {
	pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels(LabelRun, run, LabelNode, role)))
}

// Owner names who a goroutine with these labels belongs to, for a report:
// "node 2", "node 2's State() call", "the network", or "the scenario and
// the test framework" for a goroutine no cluster labelled.
func Owner(labels map[string]string) string {
	node := labels[LabelNode]
	switch {
	case node == "":
		return "the scenario and the test framework"
	case node == FrameworkRole:
		return "the network"
	case strings.HasPrefix(node, PollerPrefix):
		return "node " + strings.TrimPrefix(node, PollerPrefix) + "'s State() call"
	}
	return "node " + node
}

// NodeOwned reports whether a goroutine with these labels is a node's own
// (or one of its State calls), not the network's or the test's.
func NodeOwned(labels map[string]string) bool {
	node := labels[LabelNode]
	return node != "" && node != FrameworkRole
}

package rpcnet

import (
	"context"
	"runtime/pprof"
	"strconv"
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

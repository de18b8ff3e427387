package zoo

import (
	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/zoo/sound/appendlog"
	"github.com/ballot-go/ballot/impl/zoo/sound/lab2024"
	"github.com/ballot-go/ballot/impl/zoo/sound/lab2025"
	"github.com/ballot-go/ballot/specs/harness"
)

// The 6.5840 family: correct Lab 3A elections written as students write
// them, each with a legal habit ballot must not mistake for a bug (see each
// package's documentation). All follow the course's rule of at most ten
// heartbeats a second, and declare it.
func init() {
	soundFamilies = append(soundFamilies, func() []Entry {
		return []Entry{
			{Sound: true, Target: harness.Target{Name: "sound 6.5840 2024 skeleton", Node: labrpc.Node(lab2024.Make), HeartbeatBudget: labrpc.HeartbeatBudget}},
			{Sound: true, Target: harness.Target{Name: "sound 6.5840 2025 skeleton", Node: labrpc.Node(lab2025.Make), HeartbeatBudget: labrpc.HeartbeatBudget}},
			{Sound: true, Target: harness.Target{Name: "sound append entries with a log", Node: labrpc.Node(appendlog.Make), HeartbeatBudget: labrpc.HeartbeatBudget}},
		}
	})
}

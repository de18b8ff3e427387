package zoo

import (
	"github.com/ballot-go/ballot/impl/zoo/sound/pvcq"
	"github.com/ballot-go/ballot/impl/zoo/sound/stateonly"
	"github.com/ballot-go/ballot/impl/zoo/sound/tutorial"
	"github.com/ballot-go/ballot/specs/harness"
)

// Sound elections written in styles unlike ballot's own, so that a checker
// that mistakes an unfamiliar style for a bug shows up as a false alarm.
// Each package's documentation lists the unusual habits it exercises.
func init() {
	soundFamilies = append(soundFamilies, func() []Entry {
		return []Entry{
			// A blog tutorial's ConsensusModule: a timer goroutine per
			// election, 20 heartbeats a second, nothing persisted.
			{Sound: true, Target: harness.Target{Name: "sound tutorial", Node: tutorial.New, Volatile: true}},
			// One event loop owning all state; the framework learns of it
			// only through State.
			{Sound: true, Target: harness.Target{Name: "sound state only", Node: stateonly.New}},
			// A deterministic machine with a pre-vote and CheckQuorum, built
			// apart from the reference Raft.
			{Sound: true, Target: harness.Target{Name: "sound machine with PreVote and CheckQuorum", Machine: pvcq.New, PreVote: true, CheckQuorum: true}},
		}
	})
}

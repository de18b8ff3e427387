package harness

import (
	"errors"
	"fmt"

	"github.com/ballot-go/ballot/impl"
)

// Target is an implementation under test, with the facts about it that
// scenarios need to set their expectations.
type Target struct {
	// Name appears in spec names and reports.
	Name string
	// Machine builds a deterministic member of the cluster.
	Machine impl.MachineFactory
	// PreVote says the implementation runs a pre-vote before campaigning
	// (Raft thesis §9.6), so a rejoining follower must not bump the term.
	PreVote bool
	// CheckQuorum says a leader that cannot hear a majority steps down, so
	// an isolated leader must stop claiming leadership.
	CheckQuorum bool
}

func (t Target) validate() error {
	if t.Name == "" {
		return errors.New("harness: Target.Name is empty: give the implementation a name for reports")
	}
	if t.Machine == nil {
		return fmt.Errorf("harness: target %q has no Machine factory: set Target.Machine", t.Name)
	}
	return nil
}

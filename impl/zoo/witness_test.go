package zoo_test

import (
	"flag"
	"slices"
	"testing"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/impl/zoo"
	"github.com/ballot-go/ballot/specs/harness"
)

var (
	machineSeeds = flag.Int("zoo.machine-seeds", 300, "nemesis seeds per sound Machine in TestSoundUnderNemesis (100 under -race unless set)")
	nodeSeeds    = flag.Int("zoo.node-seeds", 100, "nemesis seeds per sound goroutine node in TestSoundUnderNemesis (10 under -race unless set)")
)

// seedsFor is how many nemesis runs a sound target gets.
func seedsFor(target harness.Target) int {
	switch {
	case testing.Short():
		return 5
	case !target.IsNode() && raceEnabled && !flagSet("zoo.machine-seeds"):
		return 100
	case !target.IsNode():
		return *machineSeeds
	case raceEnabled && !flagSet("zoo.node-seeds"):
		return 10
	}
	return *nodeSeeds
}

func flagSet(name string) (set bool) {
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// Every bug of the zoo is caught by the invariant its doc names, on its
// witness seed: exactly for a Machine, within WitnessTries seeds for a
// goroutine node (the scheduler orders its goroutines).
func TestEveryBugIsCaughtByItsInvariant(t *testing.T) {
	for _, e := range zoo.Bugs() {
		t.Run(e.Name(), func(t *testing.T) {
			first := max(e.Seed, 1)
			tries := 1
			if e.Target.IsNode() {
				tries = zoo.WitnessTries
			}
			var seen [][]string
			for seed := first; seed < first+uint64(tries); seed++ {
				caught := witness(t, e.Target, seed)
				if slices.Contains(caught, e.Catches) {
					return
				}
				seen = append(seen, caught)
			}
			t.Fatalf("%s was not caught by %s on seeds %d to %d; the runs found %v", e.Bug, e.Catches, first, first+uint64(tries)-1, seen)
		})
	}
}

// Every sound implementation and the reference come through random nemesis
// runs with no finding at all.
func TestSoundUnderNemesis(t *testing.T) {
	for _, e := range append(zoo.Reference(), zoo.Sound()...) {
		t.Run(e.Name(), func(t *testing.T) {
			seeds := seedsFor(e.Target)
			for seed := uint64(1); seed <= uint64(seeds); seed++ {
				if caught := witness(t, e.Target, seed); len(caught) > 0 {
					t.Fatalf("seed %d: a sound implementation was flagged by %v (replay: harness.RunNemesis with Seed %d, %d nodes)",
						seed, caught, seed, zoo.WitnessNodes)
				}
			}
		})
	}
}

// witness runs one nemesis run and names what caught it: the checkers that
// found a violation (NoPanic for a panic), the run's own error, and NoStuck when the watchdog
// stopped a frozen goroutine run.
func witness(t *testing.T, target harness.Target, seed uint64) []string {
	t.Helper()
	var v harness.Verdict
	run := func() {
		v = harness.RunNemesis(target, harness.Config{Nodes: zoo.WitnessNodes, Seed: seed}, harness.Nemesis{})
	}
	var err error
	if target.InBubble() {
		err = harness.RunInBubble(t, run, harness.Watch{})
	} else {
		err = harness.RunWithin(run, harness.Watch{})
	}
	var caught []string
	if err != nil {
		caught = append(caught, "NoStuck")
	}
	if v.Err != nil {
		caught = append(caught, "run error: "+v.Err.Error())
	}
	for _, r := range v.Results {
		if r.Outcome == checker.Violated {
			caught = append(caught, r.Checker)
		}
	}
	return caught
}

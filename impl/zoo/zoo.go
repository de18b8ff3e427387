package zoo

import (
	"fmt"
	"slices"

	"github.com/ballot-go/ballot/specs/harness"
)

// Entry is one implementation of the zoo with what it claims and, for a
// bug, which invariant must catch it.
type Entry struct {
	// Target is the implementation as the suite runs it, with its
	// declarations (PreVote, Volatile, HeartbeatBudget, ...).
	Target harness.Target
	// Sound is true for a correct implementation: any finding on it is a
	// false alarm of ballot's.
	Sound bool
	// Bug says, for a broken implementation, what is wrong, in one line.
	Bug string
	// Catches names the checker that must report the bug (a name from
	// checker.All, such as "ElectionSafety").
	Catches string
	// Reference points at a real-world occurrence of the bug, if any.
	Reference string
	// Seed is a witness, for a bug: a seed on which harness.RunNemesis
	// (WitnessNodes nodes, every fault that applies) catches it by
	// Catches. A Machine replays it exactly; a goroutine node is tried
	// from it on, up to WitnessTries seeds. 0 means seed 1.
	Seed uint64
}

// The witness runs of the bugs.
const (
	WitnessNodes = 5
	WitnessTries = 20
)

// Name is the entry's target name.
func (e Entry) Name() string { return e.Target.Name }

// All returns every entry, sound ones first, each group sorted by name.
func All() []Entry {
	return append(Sound(), Bugs()...)
}

// Sound returns the correct implementations, sorted by name.
func Sound() []Entry {
	return sorted(soundEntries())
}

// Bugs returns the broken implementations, sorted by name.
func Bugs() []Entry {
	return sorted(bugEntries())
}

// Lookup finds an entry by its target name.
func Lookup(name string) (Entry, error) {
	for _, e := range All() {
		if e.Name() == name {
			return e, nil
		}
	}
	var names []string
	for _, e := range All() {
		names = append(names, e.Name())
	}
	return Entry{}, fmt.Errorf("zoo: no implementation named %q (known: %v)", name, names)
}

func sorted(es []Entry) []Entry {
	slices.SortFunc(es, func(a, b Entry) int {
		switch {
		case a.Name() < b.Name():
			return -1
		case a.Name() > b.Name():
			return 1
		}
		return 0
	})
	return es
}

// soundEntries and bugEntries gather the per-family registrations.
func soundEntries() []Entry {
	var es []Entry
	for _, f := range soundFamilies {
		es = append(es, f()...)
	}
	return es
}

func bugEntries() []Entry {
	var es []Entry
	for _, f := range bugFamilies {
		es = append(es, f()...)
	}
	return es
}

// soundFamilies and bugFamilies are filled by the entries_*.go files, one
// per family of implementations, so that each family registers itself.
var soundFamilies, bugFamilies []func() []Entry

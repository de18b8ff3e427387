package faults

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
)

// Generator builds a fault with random parameters for a cluster of n nodes,
// drawing only from r. A random nemesis calls it once per injection.
type Generator func(r *rand.Rand, n int) Fault

var registry = struct {
	sync.RWMutex
	gens map[string]Generator
}{gens: map[string]Generator{}}

// Register makes a fault available by name. Each fault file registers itself
// from init. Like database/sql.Register, it panics on an empty name, a nil
// generator or a name registered twice: those are programming errors caught
// at start-up, not user input.
func Register(name string, g Generator) {
	registry.Lock()
	defer registry.Unlock()
	if name == "" || g == nil {
		panic("faults: Register needs a name and a generator")
	}
	if _, dup := registry.gens[name]; dup {
		panic(fmt.Sprintf("faults: Register called twice for %q", name))
	}
	registry.gens[name] = g
}

// Names lists the registered faults, sorted.
func Names() []string {
	registry.RLock()
	defer registry.RUnlock()
	names := make([]string, 0, len(registry.gens))
	for name := range registry.gens {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// Lookup returns the generator registered under name. The error for an
// unknown name lists the known ones.
func Lookup(name string) (Generator, error) {
	registry.RLock()
	g, ok := registry.gens[name]
	registry.RUnlock()
	if !ok {
		return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownFault, name, strings.Join(Names(), ", "))
	}
	return g, nil
}

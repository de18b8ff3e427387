package cli

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/ballot-go/ballot/impl/labrpc"
	"github.com/ballot-go/ballot/impl/labrpc/example"
	"github.com/ballot-go/ballot/impl/zoo"
	"github.com/ballot-go/ballot/specs/harness"
)

// implementation is one --impl the CLI can run.
type implementation struct {
	target harness.Target
	// about says in one line what it is: yours, sound, or which bug and
	// which invariant catches it.
	about string
	// bug marks the zoo's broken entries, which a report card leaves out.
	bug bool
}

// Name is how --impl names it: the target's name as a slug.
func (i implementation) Name() string { return slug(i.target.Name) }

// catalog is every implementation the CLI knows: the caller's own first,
// then the reference and the zoo.
type catalog []implementation

func newCatalog(yours []harness.Target) catalog {
	var c catalog
	for _, t := range yours {
		c = append(c, implementation{target: t, about: "yours" + kindOf(t)})
	}
	for _, e := range zoo.Reference() {
		c = append(c, implementation{target: e.Target, about: "ballot's own election" + kindOf(e.Target)})
	}
	c = append(c, implementation{target: labExample, about: "a 6.5840 Lab 3A election written against the labrpc shim" + kindOf(labExample)})
	for _, e := range zoo.All() {
		c = append(c, implementation{target: e.Target, about: describe(e), bug: !e.Sound})
	}
	return c
}

// labExample is impl/labrpc/example, the model of a ported 6.5840 lab.
var labExample = harness.Target{Name: "6.5840 example", Node: labrpc.Node(example.Make), HeartbeatBudget: labrpc.HeartbeatBudget}

func describe(e zoo.Entry) string {
	if e.Sound {
		return "sound" + kindOf(e.Target)
	}
	return fmt.Sprintf("bug%s: %s (caught by %s)", kindOf(e.Target), e.Bug, e.Catches)
}

func kindOf(t harness.Target) string {
	switch {
	case t.Realtime:
		return ", goroutines in real time"
	case t.IsNode():
		return ", goroutines in virtual time"
	case t.OwnRandomness:
		return ", a Machine with randomness of its own (runs do not replay exactly)"
	}
	return ", a deterministic Machine"
}

// defaultImpl is what --impl means when it is not given.
func (c catalog) defaultImpl() string { return c[0].Name() }

// lookup finds an implementation by its slug or its full name, in any case.
func (c catalog) lookup(name string) (implementation, error) {
	for _, i := range c {
		if i.Name() == slug(name) {
			return i, nil
		}
	}
	return implementation{}, usagef("unknown --impl %q: the implementations are %s (chaos list describes each)", name, strings.Join(c.names(), ", "))
}

func (c catalog) names() []string {
	names := make([]string, len(c))
	for i, impl := range c {
		names[i] = impl.Name()
	}
	return names
}

var notSlug = regexp.MustCompile(`[^a-z0-9.]+`)

// slug is a name as a command line writes it: "reference with PreVote and
// CheckQuorum" is "reference-with-prevote-and-checkquorum".
func slug(name string) string {
	return strings.Trim(notSlug.ReplaceAllString(strings.ToLower(name), "-"), "-")
}

package faults

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/ballot-go/ballot/impl"
)

// AnyNode in LinkRule.From or LinkRule.To matches every node.
const AnyNode = -1

// LinkRule is a message-level fault on the directed links it matches. A
// message is first dropped with probability Drop; if it survives, it is
// duplicated with probability Duplicate, and every copy travels with Delay
// added to the link's base latency, sampled per copy. Because the delay is
// sampled per message, any spread reorders messages on the link.
type LinkRule struct {
	From, To  int         // AnyNode matches all
	Kinds     []impl.Kind // empty: all kinds
	Drop      float64     // probability in [0,1]
	Duplicate float64     // probability in [0,1]
	Delay     Delay       // extra delay added to the base latency
}

// Matches reports whether the rule applies to m.
func (r LinkRule) Matches(m impl.Message) bool {
	return r.Covers(m.From, m.To) && (len(r.Kinds) == 0 || slices.Contains(r.Kinds, m.Kind))
}

// Covers reports whether the rule applies to some messages from one node to
// another, whatever their kind.
func (r LinkRule) Covers(from, to int) bool {
	return (r.From == AnyNode || r.From == from) && (r.To == AnyNode || r.To == to)
}

// Validate checks the rule against a cluster of n nodes. The error names the
// field and the value, e.g. "faults: drop probability -0.1 is outside [0, 1]".
func (r LinkRule) Validate(n int) error {
	if err := checkNode("rule from", r.From, n); err != nil {
		return err
	}
	if err := checkNode("rule to", r.To, n); err != nil {
		return err
	}
	if r.From == r.To && r.From != AnyNode {
		return fmt.Errorf("faults: rule from node %d to node %d matches no message (a node does not message itself); "+
			"a struct literal with zero Links says this: build the fault with its constructor (NewDrop, NewDelay, ...) "+
			"or set Links to AllLinks()", r.From, r.To)
	}
	return r.validateShape()
}

// validateShape checks everything that does not depend on the cluster size,
// so constructors can reject bad rules before they know n.
func (r LinkRule) validateShape() error {
	for _, k := range r.Kinds {
		if int(k) >= len(impl.Kinds()) {
			return fmt.Errorf("faults: rule kind %s is unknown", k)
		}
	}
	if err := checkProb("drop", r.Drop); err != nil {
		return err
	}
	if err := checkProb("duplicate", r.Duplicate); err != nil {
		return err
	}
	return r.Delay.Validate()
}

func (r LinkRule) String() string {
	var parts []string
	if r.Drop > 0 {
		parts = append(parts, fmt.Sprintf("drop=%g", r.Drop))
	}
	if r.Duplicate > 0 {
		parts = append(parts, fmt.Sprintf("dup=%g", r.Duplicate))
	}
	if r.Delay != (Delay{}) {
		parts = append(parts, "delay="+r.Delay.String())
	}
	if len(r.Kinds) > 0 {
		parts = append(parts, fmt.Sprintf("kinds=%v", r.Kinds))
	}
	return fmt.Sprintf("%s->%s %s", nodeName(r.From), nodeName(r.To), strings.Join(parts, " "))
}

func checkProb(name string, p float64) error {
	if math.IsNaN(p) || p < 0 || p > 1 {
		return fmt.Errorf("faults: %s probability %v is outside [0, 1]", name, p)
	}
	return nil
}

func checkNode(field string, v, n int) error {
	if v != AnyNode && (v < 0 || v >= n) {
		return fmt.Errorf("faults: %s node %d is outside [0, %d) and not AnyNode", field, v, n)
	}
	return nil
}

func nodeName(v int) string {
	if v == AnyNode {
		return "*"
	}
	return fmt.Sprintf("n%d", v)
}

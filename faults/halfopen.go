package faults

import (
	"fmt"
	"math/rand/v2"
)

func init() {
	Register("half-open", func(r *rand.Rand, n int) Fault { return &HalfOpenFault{Node: randNode(r, n)} })
}

// HalfOpener is a network of real connections that a fault can leave
// half-open (Capabilities.HalfOpen): the process network's proxies.
type HalfOpener interface {
	// HalfOpen silently kills every live connection to and from node n:
	// from then on they deliver nothing, either way, and never close,
	// while new connections work. The network counts as faulty until
	// ClearHalfOpen(key). It returns how many connections it killed.
	HalfOpen(key string, n int) (killed int, err error)
	// ClearHalfOpen ends the fault kept under key. The connections it
	// killed stay dead: only their endpoints, by giving up on them, can
	// replace them.
	ClearHalfOpen(key string)
}

// HalfOpenFault leaves Node's live connections dead while new ones work:
// the pooled connection that a node keeps writing to after the far end
// is gone (openraft#1770). A node that never notices, because its writes
// still succeed and TCP keepalive is still answered, stays cut off while
// the topology says it is connected; a node with an application timeout
// dials again. Heal ends the fault's window; it cannot revive what died.
type HalfOpenFault struct {
	Node   int
	killed int
	rec    halfOpenRecord
}

// halfOpenRecord is the state of a half-open fault.
type halfOpenRecord struct {
	keyed
	active bool
}

// NewHalfOpen leaves node's live connections half-open.
func NewHalfOpen(node int) (*HalfOpenFault, error) {
	if err := checkVictim("half-open", node); err != nil {
		return nil, err
	}
	return &HalfOpenFault{Node: node}, nil
}

func (f *HalfOpenFault) String() string {
	if f.rec.active {
		return fmt.Sprintf("half-open n%d (%d live connections killed; new ones work)", f.Node, f.killed)
	}
	return fmt.Sprintf("half-open n%d", f.Node)
}

// Inject implements Fault. A Target that is not a HalfOpener returns an
// error wrapping ErrUnsupported.
func (f *HalfOpenFault) Inject(t Target) error {
	if f.rec.active {
		return injected("half-open")
	}
	h, ok := t.(HalfOpener)
	if !ok {
		return fmt.Errorf("%w: half-open: the network carries no connections to leave half-open", ErrUnsupported)
	}
	killed, err := h.HalfOpen(f.rec.keyFor("half-open"), f.Node)
	if err != nil {
		return err
	}
	f.killed, f.rec.active = killed, true
	return nil
}

// Heal implements Fault.
func (f *HalfOpenFault) Heal(t Target) error {
	if h, ok := t.(HalfOpener); ok && f.rec.active {
		h.ClearHalfOpen(f.rec.key)
	}
	f.rec.active = false
	return nil
}

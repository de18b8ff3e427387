package faults

// Capabilities are what a network can do to its nodes. A network declares
// them, and faults/networktest holds it to them, so that a suite knows
// before it injects a fault what that fault will mean on this network.
type Capabilities struct {
	// Pause is what Pause does to a node.
	Pause Pausing
	// Skew reports whether Skew changes a node's clock rate; where it
	// cannot, Skew returns an error wrapping ErrUnsupported.
	Skew bool
	// Messages reports whether the network sees each message, so that a
	// link rule can drop, duplicate or delay some of them, by kind. A
	// network of opaque byte streams (real processes behind TCP proxies)
	// cannot: it delays or cuts whole links only, and SetRule returns an
	// error wrapping ErrUnsupported for anything else.
	Messages bool
	// HalfOpen reports whether the network carries real connections that
	// a fault can leave half-open: it implements HalfOpener. A network
	// that carries messages one by one has no connection to kill.
	HalfOpen bool
}

// MessageFaults are the registered faults that act on single messages
// through link rules: they need Capabilities.Messages.
var MessageFaults = []string{"delay", "drop", "duplicate", "reorder"}

// Pausing is what Pause does to a node on one network.
type Pausing int

const (
	// PauseUnsupported: Pause returns an error wrapping ErrUnsupported.
	PauseUnsupported Pausing = iota
	// PauseHoldsTraffic: the node neither receives nor sends until Resume,
	// but its own timers keep running, like a process whose network
	// stalled. A goroutine node's timers cannot be stopped from outside.
	PauseHoldsTraffic
	// PauseFreezes: no deliveries and no timers, as SIGSTOP stops a
	// process. The node wakes up believing what it believed.
	PauseFreezes
)

func (p Pausing) String() string {
	switch p {
	case PauseHoldsTraffic:
		return "holds traffic; the node's timers run"
	case PauseFreezes:
		return "freezes the node: no deliveries, no timers"
	}
	return "unsupported"
}

package faults

import "errors"

var (
	// ErrUnknownFault is wrapped by Lookup for a name nobody registered.
	ErrUnknownFault = errors.New("faults: unknown fault")
	// ErrInjected is returned by Inject on a fault that is already active:
	// a Fault value describes one occurrence, so inject it again only
	// after Heal.
	ErrInjected = errors.New("faults: fault is already injected")
	// ErrUnsupported is wrapped by a Target that cannot apply a fault: a
	// goroutine node's clock cannot be skewed, for one.
	ErrUnsupported = errors.New("faults: not supported by this target")
)

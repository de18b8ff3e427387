package sim

import "errors"

// Errors from the Target methods, wrapped with the node id.
var (
	ErrNoSuchNode = errors.New("sim: no such node")
	ErrCrashed    = errors.New("sim: node is crashed")
	ErrNotCrashed = errors.New("sim: node is not crashed")
	ErrPaused     = errors.New("sim: node is paused")
	ErrNotPaused  = errors.New("sim: node is not paused")
	ErrSkewRate   = errors.New("sim: skew rate must be in (0, 1000]")
)

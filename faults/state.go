package faults

import (
	"fmt"
	"strconv"
	"sync/atomic"
)

// Faults remember what they did in these small records, so that Heal undoes
// exactly that and nothing else. Heal on a record that is not active does
// nothing; a Heal whose Target call fails leaves the record active, so it can
// be retried.

var keySeq atomic.Uint64

// keyed hands out a key unique within the process, assigned on first use so
// that faults built as struct literals get one too. Keys only need to be
// unique: a Target must not let their spelling affect behaviour.
type keyed struct{ key string }

func (k *keyed) keyFor(name string) string {
	if k.key == "" {
		k.key = name + "#" + strconv.FormatUint(keySeq.Add(1), 10)
	}
	return k.key
}

// grudgeRecord is the state of a partition fault.
type grudgeRecord struct {
	keyed
	active bool
}

func (s *grudgeRecord) inject(t Target, name string, g Grudge) error {
	if s.active {
		return injected(name)
	}
	if err := g.Validate(t.Size()); err != nil {
		return err
	}
	t.SetGrudge(s.keyFor(name), g)
	s.active = true
	return nil
}

func (s *grudgeRecord) heal(t Target) error {
	if s.active {
		t.ClearGrudge(s.key)
		s.active = false
	}
	return nil
}

// ruleRecord is the state of a link-rule fault.
type ruleRecord struct {
	keyed
	active bool
}

func (s *ruleRecord) inject(t Target, name string, r LinkRule) error {
	if s.active {
		return injected(name)
	}
	if err := r.Validate(t.Size()); err != nil {
		return err
	}
	if err := t.SetRule(s.keyFor(name), r); err != nil {
		return err
	}
	s.active = true
	return nil
}

func (s *ruleRecord) heal(t Target) error {
	if s.active {
		t.ClearRule(s.key)
		s.active = false
	}
	return nil
}

// nodeRecord is the state of a fault on one node (crash, pause, skew): which
// node, and whether the fault is on.
type nodeRecord struct {
	node   int
	active bool
}

// do runs the Target call that starts the fault on node.
func (s *nodeRecord) do(name string, node int, start func(int) error) error {
	if s.active {
		return injected(name)
	}
	if err := start(node); err != nil {
		return err
	}
	s.node, s.active = node, true
	return nil
}

// undo runs the Target call that ends the fault, on the node do chose.
func (s *nodeRecord) undo(stop func(int) error) error {
	if !s.active {
		return nil
	}
	if err := stop(s.node); err != nil {
		return err
	}
	s.active = false
	return nil
}

// injected is the error for injecting an active fault again.
func injected(name string) error { return fmt.Errorf("%w: %s", ErrInjected, name) }

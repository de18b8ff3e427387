package failing

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/driver"
	"github.com/ballot-go/ballot/impl/raft"
	"github.com/ballot-go/ballot/impl/zoo"
	"github.com/ballot-go/ballot/specs/harness"
)

// KindEnv names the environment variable that picks the broken target.
const KindEnv = "BALLOT_FAILURE_KIND"

// Target returns the broken election for a kind of failure, or the
// reference for "sound", the control.
func Target(kind string) (harness.Target, error) {
	switch kind {
	case "sound":
		return harness.Target{Name: "sound", Machine: reference()}, nil
	case "step":
		return harness.Target{Name: "mute", Machine: mute}, nil
	case "deviating":
		// mute, declared to deviate in exactly what it does wrong: the
		// suite shows what it found and why, and passes.
		return harness.Target{Name: "mute by design", Machine: mute, Deviations: []harness.Deviation{
			{Spec: "initial election", Finding: harness.DeviationStep, Why: "it never campaigns (a fixture)"},
			{Spec: "initial election", Finding: "ReElection", Why: "it never campaigns (a fixture)"},
		}}, nil
	case "deviating-too-much":
		// chatty, declared to deviate in ReElection only: its heartbeat
		// budget finding is not covered, so the spec fails as usual.
		return harness.Target{Name: "chatty by design", Machine: reference(), HeartbeatBudget: 1, Deviations: []harness.Deviation{
			{Spec: "initial election", Finding: "ReElection", Why: "a fixture"},
		}}, nil
	case "checker":
		// The reference heartbeats every 150 ms: over a budget of one a second.
		return harness.Target{Name: "chatty", Machine: reference(), HeartbeatBudget: 1}, nil
	case "panic":
		return harness.Target{Name: "panicky", Machine: panicky}, nil
	case "watchdog":
		entry, err := zoo.Lookup("bug heartbeat notice sent on a channel under the lock")
		return entry.Target, err
	case "stuck":
		return harness.Target{Name: "stop hangs", Node: stopHangs(driver.Node(reference(), 10*time.Millisecond))}, nil
	case "timeout":
		return harness.Target{Name: "spinner", Node: spinner}, nil
	case "interrupt":
		return harness.Target{Name: "slow", Node: driver.Node(reference(), 10*time.Millisecond), Realtime: true}, nil
	}
	return harness.Target{}, fmt.Errorf("%s=%q: want sound, step, deviating, deviating-too-much, checker, panic, watchdog, stuck, timeout or interrupt", KindEnv, kind)
}

func reference() impl.MachineFactory {
	factory, err := raft.DefaultConfig().Factory()
	if err != nil {
		panic(err) // the default configuration is valid
	}
	return factory
}

// mute never does anything: no node is ever elected.
func mute(cfg impl.MachineConfig) (impl.Machine, error) { return &silent{id: cfg.ID}, nil }

type silent struct{ id int }

func (s *silent) Tick()                 {}
func (s *silent) Step(impl.Message)     {}
func (s *silent) Ready() []impl.Message { return nil }
func (s *silent) Status() impl.Status {
	return impl.Status{ID: s.id, Leader: impl.None, VotedFor: impl.None}
}

// panicky is the reference, except that node 1 panics on its first message.
func panicky(cfg impl.MachineConfig) (impl.Machine, error) {
	m, err := reference()(cfg)
	if err != nil || cfg.ID != 1 {
		return m, err
	}
	return panicOnStep{m}, nil
}

type panicOnStep struct{ impl.Machine }

func (p panicOnStep) Step(impl.Message) { panic("index out of range in the vote tally") }

// stopHangs wraps a node factory so that Stop never returns.
func stopHangs(f impl.NodeFactory) impl.NodeFactory {
	return func(env impl.Env) (impl.Node, impl.Handler, error) {
		n, h, err := f(env)
		if err != nil {
			return nil, nil, err
		}
		return hangingStop{n}, h, nil
	}
}

type hangingStop struct{ impl.Node }

func (h hangingStop) Stop() {
	h.Node.Stop()
	<-make(chan struct{}) // waits for good
}

// spinner never blocks, so virtual time cannot pass.
func spinner(env impl.Env) (impl.Node, impl.Handler, error) {
	s := &spinning{}
	go func() {
		for !s.stopped.Load() {
			runtime.Gosched()
		}
	}()
	return s, s, nil
}

type spinning struct{ stopped atomic.Bool }

func (s *spinning) State() (uint64, bool)       { return 0, false }
func (s *spinning) Stop()                       { s.stopped.Store(true) }
func (s *spinning) Serve(string, any, any) bool { return false }

package harness_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/specs/harness"
)

// spinner is a Machine whose Tick never returns.
type spinner struct{ impl.Machine }

func (s spinner) Tick() {
	for {
		time.Sleep(time.Millisecond)
	}
}

func TestRunWithinReportsARunThatNeverEnds(t *testing.T) {
	ref := reference(t)
	target := harness.Target{Name: "spinner", Machine: func(cfg impl.MachineConfig) (impl.Machine, error) {
		m, err := ref.Machine(cfg)
		return spinner{m}, err
	}}
	err := harness.RunWithin(func() {
		c, err := harness.New(target, harness.Config{Nodes: 3})
		if err != nil {
			t.Error(err)
			return
		}
		c.RunFor(time.Second)
	}, harness.Watch{Limit: 300 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "still going after 300ms") || !strings.Contains(err.Error(), "spinner.Tick") {
		t.Fatalf("RunWithin() = %v; want a report showing the spinning Tick", err)
	}
}

func TestRunWithinPassesPanicsOn(t *testing.T) {
	defer func() {
		if p := recover(); p != "boom" {
			t.Fatalf("recovered %v; want the body's panic", p)
		}
	}()
	_ = harness.RunWithin(func() { panic("boom") }, harness.Watch{Limit: time.Second})
}

// Ctrl-C (or a test's own timeout) must stop the wait at once, in wall
// time, and leave the run's recording to be judged.
func TestRunWithinStopsWhenCancelled(t *testing.T) {
	cancel := make(chan struct{})
	release := make(chan struct{})
	defer close(release)
	time.AfterFunc(50*time.Millisecond, func() { close(cancel) })
	err := harness.RunWithin(func() { <-release }, harness.Watch{Limit: time.Minute, Cancel: cancel})
	if !errors.Is(err, harness.ErrCancelled) {
		t.Fatalf("RunWithin() = %v; want ErrCancelled", err)
	}
}

func TestRunInBubbleStopsWhenCancelled(t *testing.T) {
	cancel := make(chan struct{})
	time.AfterFunc(50*time.Millisecond, func() { close(cancel) })
	// A channel made outside the bubble does not block durably: the run
	// goes on, for the watchdog, as a busy one would. Like a frozen run, it
	// stays behind when the wait is cancelled.
	forever := make(chan struct{})
	err := harness.RunInBubble(t, func() { <-forever }, harness.Watch{Limit: time.Minute, Cancel: cancel})
	if !errors.Is(err, harness.ErrCancelled) {
		t.Fatalf("RunInBubble() = %v; want ErrCancelled", err)
	}
}

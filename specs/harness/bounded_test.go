package harness_test

import (
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
	}, 300*time.Millisecond)
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
	_ = harness.RunWithin(func() { panic("boom") }, time.Second)
}

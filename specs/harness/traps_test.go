package harness_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl/driver"
	"github.com/ballot-go/ballot/specs/harness"
)

// The API's traps are clear errors, never a silent no-op or a panic.
func TestFaultTrapsAreErrors(t *testing.T) {
	c, err := harness.New(reference(t), harness.Config{Nodes: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var nilIsolate *faults.IsolateFault
	for name, tc := range map[string]struct {
		f    faults.Fault
		want string
	}{
		"nil":                 {nil, "Inject(nil)"},
		"typed nil":           {nilIsolate, "Inject(nil)"},
		"zero links":          {&faults.DropFault{P: 0.5}, "matches no message"},
		"empty one-way":       {&faults.OneWayFault{}, "at least one node on each side"},
		"node out of range":   {&faults.IsolateFault{Node: 99}, "99"},
		"crash out of range":  {&faults.CrashFault{Node: 99}, "99"},
		"rule node too large": {&faults.DropFault{Links: faults.Links{From: 0, To: 7}, P: 1}, "7"},
	} {
		err := c.Inject(tc.f)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Inject = %v; want an error mentioning %q", name, err, tc.want)
		}
	}
	if err := c.HealFault(nil); err == nil || !strings.Contains(err.Error(), "HealFault(nil)") {
		t.Errorf("HealFault(nil) = %v; want an error", err)
	}
	if _, err := c.Status(99); err == nil || !strings.Contains(err.Error(), "node 99 does not exist") {
		t.Errorf("Status(99) = %v; want an error naming the node", err)
	}
}

// A goroutine target meant for virtual time, started outside a bubble, is
// an error that says what to do, not a silent run in real time.
func TestNodeOutsideABubbleIsAnError(t *testing.T) {
	target := harness.Target{Name: "goroutines", Node: driver.Node(reference(t).Machine, 10*time.Millisecond)}
	_, err := harness.New(target, harness.Config{Nodes: 3})
	if err == nil || !strings.Contains(err.Error(), "outside a testing/synctest bubble") {
		t.Fatalf("New = %v; want an error about the bubble", err)
	}
	target.Realtime = true
	c, err := harness.New(target, harness.Config{Nodes: 3})
	if err != nil {
		t.Fatalf("a Realtime target must start anywhere: %v", err)
	}
	c.Close()
}

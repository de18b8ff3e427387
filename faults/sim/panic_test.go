package sim_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
)

// panicky wraps a machine and panics on its nth Tick.
type panicky struct {
	impl.Machine
	ticks, at int
}

func (p *panicky) Tick() {
	if p.ticks++; p.ticks == p.at {
		panic("boom at tick " + itoa(p.at))
	}
	p.Machine.Tick()
}

func TestMachinePanicCrashesOnlyThatNode(t *testing.T) {
	inner := beaconFactory(30, 10)
	factory := func(cfg impl.MachineConfig) (impl.Machine, error) {
		m, err := inner(cfg)
		if cfg.ID == 1 {
			return &panicky{Machine: m, at: 5}, err
		}
		return m, err
	}
	s, err := sim.New(sim.Config{Nodes: 3, Seed: 1, Factory: factory})
	if err != nil {
		t.Fatal(err)
	}
	s.RunFor(2 * time.Second) // must not panic
	panics := s.Panics()
	if len(panics) != 1 || panics[0].Node != 1 || !strings.Contains(panics[0].Value, "boom at tick 5") {
		t.Fatalf("panics = %v; want one, from node 1, saying boom", panics)
	}
	if !strings.Contains(panics[0].Stack, "panicky") {
		t.Errorf("the stack does not show where it panicked:\n%s", panics[0].Stack)
	}
	if st := s.Status(1); st.Role != impl.Down {
		t.Errorf("node 1 is %v after panicking; want down", st)
	}
	if !s.Live(0) || !s.Live(2) {
		t.Error("the other nodes stopped too")
	}
	if err := s.Restart(1); err != nil {
		t.Fatalf("restarting the panicked node: %v", err)
	}
}

func TestFactoryPanicIsAnError(t *testing.T) {
	_, err := sim.New(sim.Config{Nodes: 2, Factory: func(impl.MachineConfig) (impl.Machine, error) { panic("no disk") }})
	if err == nil || !strings.Contains(err.Error(), "node 0: factory panicked: no disk") {
		t.Fatalf("New() error = %v; want the factory's panic as an error", err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

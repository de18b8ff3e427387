package networktest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// Config is what a Maker builds a network from.
type Config struct {
	Nodes int
	Seed  uint64
	// Factory builds the contract's probe nodes; a network of goroutine
	// nodes runs them through impl/driver.
	Factory impl.MachineFactory
	Tracer  faults.Tracer
	// ProbeServer starts the contract's probe server on loopback and
	// returns its address, for a network whose nodes run in other
	// processes: they build their machines with RemoteFactory(address)
	// instead of Factory. Only such a network calls it: a server's
	// goroutines inside a synctest bubble would keep its clock from moving.
	ProbeServer func() (string, error)
}

// Maker builds the network under test.
type Maker func(cfg Config) (faults.Network, error)

// nodes is the contract's cluster size.
const nodes = 3

// settle is long enough for a few ticks and deliveries on any network.
const settle = time.Second

// inFlight is longer than any message takes with the networks' default
// latency: a rule applies to messages sent after it.
const inFlight = 200 * time.Millisecond

// env is one case's network, probes and tracer.
type env struct {
	net    faults.Network
	probes *probes
	tracer *topologyTracer
}

type behaviour struct {
	name  string
	check func(e env) error
	// messages: the behaviour needs a network that sees single messages
	// (Capabilities.Messages); one that does not must refuse such rules.
	messages bool
}

var contract = []behaviour{
	{"errors wrap the sentinels", errorsWrapSentinels, false},
	{"every change pushes a topology", changesPushTopology, false},
	{"a cut loses messages at send and in flight", cutLoses, false},
	{"a drop rule of 1 loses every message of its kinds", dropLosesByKind, true},
	{"a duplicate rule of 1 delivers every message of its kinds twice", duplicateDeliversTwice, true},
	{"a delay rule adds its delay to every message of its kinds", delayAdds, true},
	{"each copy of a duplicated message draws its own delay", copiesTravelApart, true},
	{"rules on single messages are refused if the network says it cannot", messageRulesAsDeclared, false},
	{"pause holds traffic, and stops timers if the network says it does", pauseHolds, false},
	{"skew works if the network says it does", skewAsDeclared, false},
	{"crash keeps storage and restart restores it", crashKeepsStorage, false},
	{"the leader is the node that leads the highest term", leaderIsHighestTerm, false},
}

// Check runs every behaviour of the contract against a fresh network from
// make, and returns what broke, one line per behaviour, or nil.
func Check(make Maker) error {
	var errs []error
	for _, b := range contract {
		if err := run(make, b); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", b.name, err))
		}
	}
	return errors.Join(errs...)
}

func run(make Maker, b behaviour) error {
	e := env{probes: newProbes(), tracer: &topologyTracer{}}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	server := func() (string, error) { return e.probes.serve(ctx) }
	net, err := make(Config{Nodes: nodes, Seed: 1, Factory: e.probes.factory, Tracer: e.tracer, ProbeServer: server})
	if err != nil {
		return fmt.Errorf("the network did not start: %w", err)
	}
	e.net = net
	e.probes.mu.Lock()
	e.probes.now = net.Now
	e.probes.mu.Unlock()
	defer net.Close()
	if b.messages && !net.Capabilities().Messages {
		return nil // declared: messageRulesAsDeclared holds the network to it
	}
	net.RunFor(settle)
	return b.check(e)
}

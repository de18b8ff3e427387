package networktest

import (
	"errors"
	"fmt"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

var sentinelNames = map[error]string{
	faults.ErrNoSuchNode: "ErrNoSuchNode", faults.ErrCrashed: "ErrCrashed", faults.ErrNotCrashed: "ErrNotCrashed",
	faults.ErrPaused: "ErrPaused", faults.ErrNotPaused: "ErrNotPaused",
}

func errorsWrapSentinels(e env) error {
	n := e.net
	var errs []error
	want := func(what string, err, sentinel error) {
		if !errors.Is(err, sentinel) {
			errs = append(errs, fmt.Errorf("%s returned %v, which does not wrap faults.%s", what, err, sentinelNames[sentinel]))
		}
	}
	want("Crash of a node outside the cluster", n.Crash(nodes), faults.ErrNoSuchNode)
	want("Restart of a running node", n.Restart(0), faults.ErrNotCrashed)
	want("Resume of a node not paused", n.Resume(0), faults.ErrNotPaused)
	if err := n.Pause(0); err != nil {
		return fmt.Errorf("Pause: %w", err)
	}
	want("a second Pause", n.Pause(0), faults.ErrPaused)
	if err := n.Crash(1); err != nil {
		return fmt.Errorf("Crash: %w", err)
	}
	want("a second Crash", n.Crash(1), faults.ErrCrashed)
	want("Pause of a crashed node", n.Pause(1), faults.ErrCrashed)
	if err := n.Skew(2, 0); !errors.Is(err, faults.ErrSkewRate) && !errors.Is(err, faults.ErrUnsupported) {
		errs = append(errs, fmt.Errorf("Skew to rate 0 returned %v, which wraps neither faults.ErrSkewRate nor faults.ErrUnsupported", err))
	}
	return errors.Join(errs...)
}

// changesPushTopology makes each kind of change and looks at the topology
// the tracer heard last.
func changesPushTopology(e env) error {
	if first := e.tracer.first(); first.why != faults.WhyStart || !all(first.t.Live) {
		return fmt.Errorf("the first topology pushed is %q %+v; want %q with every node up", first.why, first.t, faults.WhyStart)
	}
	changes := []struct {
		what string
		do   func(n faults.Network) error
		ok   func(t faults.Topology) bool
	}{
		{"a grudge isolating node 2", func(n faults.Network) error { n.SetGrudge("t", faults.Isolate(nodes, 2)); return nil },
			func(t faults.Topology) bool { return t.Cut[2][0] && t.Cut[0][2] && !t.Cut[0][1] && t.Faulty }},
		{"the grudge cleared", func(n faults.Network) error { n.ClearGrudge("t"); return nil },
			func(t faults.Topology) bool { return !t.Cut[2][0] && !t.Faulty }},
		{"a delay rule on 0->1", func(n faults.Network) error {
			return n.SetRule("r", faults.LinkRule{From: 0, To: 1, Delay: faults.Delay{Base: 10 * time.Millisecond}})
		},
			func(t faults.Topology) bool { return t.Lossy[0][1] && !t.Lossy[1][0] && t.Faulty }},
		{"the rule cleared", func(n faults.Network) error { n.ClearRule("r"); return nil },
			func(t faults.Topology) bool { return !t.Lossy[0][1] && !t.Faulty }},
		{"node 1 crashed", func(n faults.Network) error { return n.Crash(1) },
			func(t faults.Topology) bool { return !t.Live[1] && t.Live[0] && t.Faulty }},
		{"node 1 restarted", func(n faults.Network) error { return n.Restart(1) },
			func(t faults.Topology) bool { return all(t.Live) && !t.Faulty }},
		{"node 2 paused", func(n faults.Network) error { return n.Pause(2) },
			func(t faults.Topology) bool { return !t.Live[2] && t.Faulty }},
		{"node 2 resumed", func(n faults.Network) error { return n.Resume(2) },
			func(t faults.Topology) bool { return all(t.Live) && !t.Faulty }},
		{"the network closed", func(n faults.Network) error { n.Close(); return nil },
			func(t faults.Topology) bool { return !t.Live[0] && !t.Live[1] && !t.Live[2] && t.Faulty }},
	}
	for _, c := range changes {
		_, before := e.tracer.last()
		if err := c.do(e.net); err != nil {
			return fmt.Errorf("%s: %w", c.what, err)
		}
		last, after := e.tracer.last()
		if after == before || !c.ok(last.t) {
			return fmt.Errorf("after %s the tracer last heard %q %+v (%d topologies pushed by it)", c.what, last.why, last.t, after-before)
		}
	}
	return nil
}

func cutLoses(e env) error {
	e.net.SetGrudge("cut", faults.OneWay([]int{0}, []int{1}))
	if !e.net.Capabilities().Messages {
		// A proxy of byte streams may be writing a chunk it read before
		// the cut: what was in flight then may still arrive. What is
		// sent after must not.
		e.net.RunFor(inFlight)
	}
	cut, back := e.probes.received(0, 1, impl.KindHeartbeat), e.probes.received(1, 0, impl.KindHeartbeat)
	e.net.RunFor(settle)
	if got := e.probes.received(0, 1, impl.KindHeartbeat); got != cut {
		return fmt.Errorf("node 1 received %d heartbeats from node 0 after 0->1 was cut; want none", got-cut)
	}
	if e.probes.received(1, 0, impl.KindHeartbeat) == back {
		return errors.New("a one-way cut of 0->1 also stopped 1->0")
	}
	return nil
}

// receivedUnder sets rule on the heartbeats from 0 to 1, lets what was
// sent before it arrive, and counts the heartbeats and the vote requests
// node 1 receives from node 0 over the next settle.
func receivedUnder(e env, rule faults.LinkRule) (beats, votes int, err error) {
	rule.From, rule.To, rule.Kinds = 0, 1, []impl.Kind{impl.KindHeartbeat}
	if err := e.net.SetRule("under test", rule); err != nil {
		return 0, 0, err
	}
	e.net.RunFor(inFlight)
	beats, votes = e.probes.received(0, 1, impl.KindHeartbeat), e.probes.received(0, 1, impl.KindVoteRequest)
	e.net.RunFor(settle)
	return e.probes.received(0, 1, impl.KindHeartbeat) - beats, e.probes.received(0, 1, impl.KindVoteRequest) - votes, nil
}

func dropLosesByKind(e env) error {
	beats, votes, err := receivedUnder(e, faults.LinkRule{Drop: 1})
	switch {
	case err != nil:
		return err
	case beats != 0:
		return fmt.Errorf("node 1 received %d heartbeats from node 0 under a rule that drops them all", beats)
	case votes == 0:
		return errors.New("a rule that drops heartbeats also lost every vote request")
	}
	return nil
}

func duplicateDeliversTwice(e env) error {
	beats, votes, err := receivedUnder(e, faults.LinkRule{Duplicate: 1})
	if err != nil {
		return err
	}
	// One of each is sent per tick; a copy in flight at either end of the
	// window may fall outside it.
	if votes == 0 || beats < 2*votes-2 || beats > 2*votes+2 {
		return fmt.Errorf("under a rule that duplicates every heartbeat, node 1 received %d heartbeats and %d vote requests; want twice as many heartbeats", beats, votes)
	}
	return nil
}

// ruleDelay is what the delay behaviour adds to heartbeats; tolerance is
// how far the measured difference may stray: one tick of the probes'
// clock either way, and the base latency's spread.
const (
	ruleDelay = 50 * time.Millisecond
	tolerance = 15 * time.Millisecond
)

func delayAdds(e env) error {
	if err := e.net.SetRule("slow", faults.LinkRule{From: 0, To: 1, Kinds: []impl.Kind{impl.KindHeartbeat}, Delay: faults.Delay{Base: ruleDelay}}); err != nil {
		return err
	}
	// Start from fresh sums: what traveled before the rule says nothing.
	e.net.RunFor(inFlight)
	e.probes.mu.Lock()
	clear(e.probes.got)
	clear(e.probes.travel)
	e.probes.mu.Unlock()
	e.net.RunFor(settle)
	beats, votes := e.probes.meanTravel(0, 1, impl.KindHeartbeat), e.probes.meanTravel(0, 1, impl.KindVoteRequest)
	if added := beats - votes; added < ruleDelay-tolerance || added > ruleDelay+tolerance {
		return fmt.Errorf("a rule delaying heartbeats by %v made them take %v on average against %v for vote requests: %v more", ruleDelay, beats, votes, added)
	}
	return nil
}

// Each copy of a duplicated message draws its own delay: with a spread of
// 40 ms, two copies almost never arrive together.
func copiesTravelApart(e env) error {
	rule := faults.LinkRule{From: 0, To: 1, Kinds: []impl.Kind{impl.KindHeartbeat}, Duplicate: 1,
		Delay: faults.Delay{Dist: faults.Uniform, Spread: 40 * time.Millisecond}}
	if err := e.net.SetRule("jitter", rule); err != nil {
		return err
	}
	e.net.RunFor(settle)
	twice, apart := e.probes.copiesApart(0, 1, impl.KindHeartbeat)
	if twice < 50 || apart < twice*9/10 {
		return fmt.Errorf("under a rule that duplicates heartbeats with a uniform delay of up to 40ms, %d of %d duplicated heartbeats had both copies arrive together; each copy should draw its own delay", twice-apart, twice)
	}
	return nil
}

func pauseHolds(e env) error {
	pausing := e.net.Capabilities().Pause
	if pausing == faults.PauseUnsupported {
		if err := e.net.Pause(1); !errors.Is(err, faults.ErrUnsupported) {
			return fmt.Errorf("the network declares no pause, and Pause returned %v, which does not wrap faults.ErrUnsupported", err)
		}
		return nil
	}
	if err := e.net.Pause(1); err != nil {
		return err
	}
	// What was on its way when the pause landed (a delivery, or a node in
	// another process reporting a tick it made just before) may still be
	// counted; nothing after.
	e.net.RunFor(inFlight)
	held, ticks := e.probes.received(0, 1, impl.KindHeartbeat), e.probes.ticked(1)
	e.net.RunFor(settle)
	if got := e.probes.received(0, 1, impl.KindHeartbeat); got != held {
		return fmt.Errorf("paused node 1 received %d heartbeats", got-held)
	}
	if err := pausedTicks(pausing, e.probes.ticked(1)-ticks); err != nil {
		return err
	}
	if err := e.net.Resume(1); err != nil {
		return err
	}
	e.net.RunFor(settle)
	if e.probes.received(0, 1, impl.KindHeartbeat) == held {
		return errors.New("node 1 received nothing after it was resumed")
	}
	return nil
}

// pausedTicks holds a paused node's ticks to what the network declared.
func pausedTicks(pausing faults.Pausing, ticks int) error {
	switch {
	case pausing == faults.PauseFreezes && ticks != 0:
		return fmt.Errorf("the network declares that Pause freezes a node, and paused node 1 ticked %d times", ticks)
	case pausing == faults.PauseHoldsTraffic && ticks == 0:
		return errors.New("the network declares that a paused node's timers run, and paused node 1 never ticked: declare PauseFreezes")
	}
	return nil
}

func messageRulesAsDeclared(e env) error {
	if e.net.Capabilities().Messages {
		return nil // the drop, duplicate and delay behaviours hold it to it
	}
	for what, r := range map[string]faults.LinkRule{
		"dropping half":  {From: 0, To: 1, Drop: 0.5},
		"duplicating":    {From: 0, To: 1, Duplicate: 1},
		"a rule by kind": {From: 0, To: 1, Kinds: []impl.Kind{impl.KindHeartbeat}, Drop: 1},
	} {
		if err := e.net.SetRule("single", r); !errors.Is(err, faults.ErrUnsupported) {
			return fmt.Errorf("the network declares it cannot act on single messages, and a rule %s returned %v, which does not wrap faults.ErrUnsupported", what, err)
		}
	}
	return nil
}

func skewAsDeclared(e env) error {
	err := e.net.Skew(1, 2)
	switch {
	case e.net.Capabilities().Skew && err != nil:
		return fmt.Errorf("the network declares Skew, and Skew(1, 2) returned %v", err)
	case !e.net.Capabilities().Skew && !errors.Is(err, faults.ErrUnsupported):
		return fmt.Errorf("the network declares no Skew, and Skew(1, 2) returned %v, which does not wrap faults.ErrUnsupported", err)
	}
	return nil
}

func crashKeepsStorage(e env) error {
	if err := e.net.Crash(1); err != nil {
		return err
	}
	if st := e.net.Status(1); st.Role != impl.Down || e.net.Live(1) {
		return fmt.Errorf("crashed node 1 reports %v, live %t; want down", st, e.net.Live(1))
	}
	if err := e.net.Restart(1); err != nil {
		return err
	}
	e.net.RunFor(settle)
	if got, want := e.net.Status(1).Term, storedTerm(1, 1); got != want {
		return fmt.Errorf("restarted node 1 reports term %d; its storage held %d (a fresh storage would give %d)", got, want, storedTerm(1, 2))
	}
	return nil
}

func leaderIsHighestTerm(e env) error {
	e.probes.lead(0, 50)
	e.probes.lead(2, 90)
	e.net.RunFor(settle)
	if got, ok := e.net.Leader(); !ok || got != 2 {
		return fmt.Errorf("nodes 0 and 2 lead terms 50 and 90, and Leader() is %d, %t; want 2", got, ok)
	}
	if err := e.net.Crash(2); err != nil {
		return err
	}
	if got, ok := e.net.Leader(); !ok || got != 0 {
		return fmt.Errorf("with node 2 down Leader() is %d, %t; want 0, the live leader", got, ok)
	}
	return nil
}

func all(live []bool) bool {
	for _, l := range live {
		if !l {
			return false
		}
	}
	return len(live) > 0
}

package harness

import (
	"errors"
	"fmt"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/rpcnet"
	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
)

// Target is an implementation under test, with the facts about it that
// scenarios need to set their expectations.
type Target struct {
	// Name appears in spec names and reports.
	Name string
	// Machine builds a deterministic member of the cluster; it runs in the
	// simulator and replays exactly from its seed.
	Machine impl.MachineFactory
	// Node builds a goroutine member of the cluster; it runs on the RPC
	// network, in virtual time inside a synctest bubble unless Realtime.
	// Set exactly one of Machine, Node and External.
	Node impl.NodeFactory
	// External runs the nodes outside this process (real processes behind
	// TCP proxies, faults/procnet): the network it starts runs them, in
	// wall time, and the harness records and judges them like any other.
	External *External
	// Realtime runs a Node target in real time instead of a synctest
	// bubble, for code that cannot run in one (real sockets, or sleeping
	// while holding a lock that other goroutines need). Runs take as long
	// as they say.
	Realtime bool
	// Classify reads the kind and term of a Node target's calls for the
	// wire record. Nil recognises impl.Message arguments (the driver) and
	// 6.5840-style RequestVote and AppendEntries with a Term field.
	Classify rpcnet.Classifier
	// PreVote says the implementation runs a pre-vote before campaigning
	// (Raft thesis §9.6), so a rejoining follower must not bump the term.
	PreVote bool
	// CheckQuorum says a leader that cannot hear a majority steps down, so
	// an isolated leader must stop claiming leadership.
	CheckQuorum bool
	// Volatile says the implementation keeps nothing across a restart: no
	// term, no vote (a tutorial election with no storage). The default,
	// false, is that a restarted node recovers its term and vote, as Raft
	// §5.1 requires. The suite skips the scenarios that restart nodes for
	// a volatile target, naming this declaration as the reason; it never
	// loosens a safety invariant for one.
	Volatile bool
	// OwnRandomness says the implementation draws randomness that ballot
	// does not hand it (etcd-io/raft's election jitter reads crypto/rand,
	// with no hook to seed it), so even a Machine's run does not replay
	// exactly from its seed: replays are tried several times, like a
	// goroutine target's, and comparisons report spreads over many seeds.
	OwnRandomness bool
	// Deviations are the documented ways the implementation departs, by
	// its design, from what some specs expect (see Deviation): a spec they
	// cover still runs and is judged, and its finding is shown as a known
	// deviation instead of failing it.
	Deviations []Deviation
	// HeartbeatBudget is the most heartbeats per second the implementation
	// promises to send each follower within one term (6.5840's "no more
	// than ten times per second" is labrpc.HeartbeatBudget). 0, the
	// default, promises nothing: the rate is measured and reported, not
	// judged.
	HeartbeatBudget int
}

func (t Target) validate() error {
	if t.Name == "" {
		return errors.New("harness: Target.Name is empty: give the implementation a name for reports")
	}
	switch {
	case t.kinds() == 0:
		return fmt.Errorf("harness: target %q has no factory: set Target.Machine, Target.Node or Target.External", t.Name)
	case t.kinds() > 1:
		return fmt.Errorf("harness: target %q sets more than one of Machine, Node and External: set one", t.Name)
	case t.External != nil && t.External.Start == nil:
		return fmt.Errorf("harness: target %q has an External with no Start: give the function that starts its network", t.Name)
	case t.HeartbeatBudget < 0:
		return fmt.Errorf("harness: target %q declares HeartbeatBudget %d: give heartbeats per second, or 0 for no budget", t.Name, t.HeartbeatBudget)
	case t.Machine != nil && t.Realtime:
		return fmt.Errorf("harness: target %q is a Machine, which runs in the simulator's time: Realtime is for Node targets", t.Name)
	}
	for _, d := range t.Deviations {
		if err := d.validate(t.Name); err != nil {
			return err
		}
	}
	return nil
}

// External is a target whose nodes run outside this process.
type External struct {
	// Start starts the network of the nodes for one run, reporting to
	// tracer; cfg gives the cluster size and the seed.
	Start func(tracer faults.Tracer, cfg Config) (faults.Network, error)
	// Capabilities are the network's, known before it starts.
	Capabilities faults.Capabilities
}

func (t Target) kinds() int {
	n := 0
	for _, set := range []bool{t.Machine != nil, t.Node != nil, t.External != nil} {
		if set {
			n++
		}
	}
	return n
}

// Deterministic reports whether a run replays exactly from its seed: a
// Machine's does, unless it declares OwnRandomness; goroutines and
// processes depend on a scheduler.
func (t Target) Deterministic() bool { return t.Machine != nil && !t.OwnRandomness }

// IsNode reports whether the target runs as goroutines.
func (t Target) IsNode() bool { return t.Node != nil }

// Capabilities are those of the network the target runs on: what Pause
// and Skew do to its nodes.
func (t Target) Capabilities() faults.Capabilities {
	if t.External != nil {
		return t.External.Capabilities
	}
	if t.IsNode() {
		return rpcnet.Capabilities()
	}
	return sim.Capabilities()
}

// InBubble reports whether the target's runs belong in a synctest bubble.
func (t Target) InBubble() bool {
	return t.Node != nil && !t.Realtime
}

// Checkers are the invariants a run of the target with cfg is held to:
// every checker, set from the target's declarations. A saved history is
// judged again with the same list (chaos check).
func (t Target) Checkers(cfg Config) []checker.Checker {
	electionBy := cfg.ElectionBy
	if electionBy == 0 {
		electionBy = DefaultElectionBy
	}
	cs := checker.All()
	for i, ch := range cs {
		switch ch.(type) {
		case checker.ReElection:
			cs[i] = checker.ReElection{Within: electionBy}
		case checker.HeartbeatBudget:
			cs[i] = checker.HeartbeatBudget{PerSecond: t.HeartbeatBudget}
		case checker.Stability:
			// goroutine nodes report (term, isLeader): followers need not name the leader
			cs[i] = checker.Stability{AllowUnknownLeader: t.IsNode()}
		}
	}
	return cs
}

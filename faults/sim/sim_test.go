package sim_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
)

const ms = time.Millisecond

func TestDefaultsTickAndLatency(t *testing.T) {
	s, ps, rec := newProbes(t, 2, 0)
	if got := len(rec.grep("status")); got != 2 {
		t.Errorf("%d initial statuses traced, want 2", got)
	}
	ps[0].send(1, 1, impl.KindOther)
	s.RunFor(10 * ms) // default tick: 10ms, so exactly one tick
	if ps[0].ticks != 1 || s.Now() != 10*ms {
		t.Fatalf("ticks %d at %v", ps[0].ticks, s.Now())
	}
	s.RunFor(5 * ms)
	if got := rec.grep("delivered", "0->1"); len(got) != 1 || !strings.HasPrefix(got[0], "11ms ") {
		t.Errorf("want delivery at 11ms (1ms default latency), got %q", got)
	}
}

func TestDeliveriesBeforeTicksAtEqualTimes(t *testing.T) {
	s, ps, _ := newProbes(t, 2, 10*ms) // sent at the 10ms tick, arrives with the 20ms tick
	ps[0].send(1, 1, impl.KindOther)
	s.RunFor(20 * ms)
	if got := strings.Join(ps[1].log, " "); got != "tick step tick" {
		t.Errorf("node 1 saw %q, want the delivery before the second tick", got)
	}
}

func TestEqualTimeMessagesKeepSendOrder(t *testing.T) {
	s, ps, _ := newProbes(t, 2, 5*ms)
	for term := uint64(1); term <= 5; term++ {
		ps[0].send(1, term, impl.KindOther)
	}
	s.RunFor(20 * ms)
	for i, m := range ps[1].got {
		if m.Term != uint64(i+1) {
			t.Fatalf("delivery %d has term %d", i, m.Term)
		}
	}
}

func TestGrudgeCutsAtSendAndInFlight(t *testing.T) {
	s, ps, rec := newProbes(t, 3, 50*ms)
	ps[0].send(1, 1, impl.KindOther) // in flight when the grudge lands
	ps[0].send(2, 1, impl.KindOther) // on a link the grudge leaves alone
	s.RunFor(20 * ms)
	s.SetGrudge("g", faults.Isolate(3, 1))
	if got := rec.grep("20ms dropped", "0->1", "cut"); len(got) != 1 {
		t.Errorf("in-flight message not dropped when the link was cut: %q", rec.grep("dropped"))
	}
	ps[1].send(0, 2, impl.KindOther) // cut at send
	s.RunFor(100 * ms)
	if len(ps[1].got) != 0 || len(ps[0].got) != 0 || len(ps[2].got) != 1 {
		t.Errorf("deliveries: n0 %d, n1 %d, n2 %d; want 0, 0, 1", len(ps[0].got), len(ps[1].got), len(ps[2].got))
	}
	if got := rec.grep("dropped", "1->0", "cut"); len(got) != 1 {
		t.Errorf("message on a cut link not dropped at send: %q", rec.grep("dropped"))
	}
	topo := s.Topology()
	cut, faulty := topo.Cut, topo.Faulty
	if !cut[0][1] || !cut[1][0] || cut[0][2] || !faulty {
		t.Errorf("Net cut %v faulty %t", cut, faulty)
	}
	s.ClearGrudge("g")
	ps[1].send(0, 3, impl.KindOther)
	s.RunFor(100 * ms)
	if len(ps[0].got) != 1 {
		t.Error("link still cut after ClearGrudge")
	}
	if s.Topology().Faulty {
		t.Error("Net still faulty after ClearGrudge")
	}
	st := s.Stats()
	if st.Sent != 4 || st.Delivered != 2 || st.Dropped != 2 {
		t.Errorf("stats %+v", st)
	}
}

func TestCrashKeepsStorage(t *testing.T) {
	s, ps, rec := newProbes(t, 2, 5*ms)
	ps[0].setTerm(7)
	s.RunFor(10 * ms)
	old := ps[0]
	noErr(t, s.Crash(0))
	if st := s.Status(0); st.Role != impl.Down || st.Term != 7 {
		t.Errorf("crashed status %v, want down in term 7", st)
	}
	if got := rec.grep("status n0 t7 down"); len(got) != 1 {
		t.Errorf("crash not traced: %q", rec.grep("status"))
	}
	if topo := s.Topology(); topo.Live[0] || !topo.Faulty {
		t.Errorf("Topology after a crash: %+v", topo)
	}
	if err := s.Crash(0); !errors.Is(err, faults.ErrCrashed) {
		t.Errorf("second crash: %v", err)
	}
	ps[1].send(0, 1, impl.KindOther)
	s.RunFor(20 * ms)
	if got := rec.grep("dropped", "1->0", "crashed"); len(got) != 1 || old.ticks != 1 {
		t.Errorf("message to crashed node: %q; old machine ticked %d times", got, old.ticks)
	}
	noErr(t, s.Restart(0))
	if ps[0] == old || ps[0].term != 7 || s.Status(0).Term != 7 || s.Status(0).Role != impl.Follower {
		t.Errorf("restart did not build a new machine from storage: %v", s.Status(0))
	}
	if err := s.Restart(0); !errors.Is(err, faults.ErrNotCrashed) {
		t.Errorf("restart of a live node: %v", err)
	}
	s.RunFor(10 * ms)
	if ps[0].ticks != 1 {
		t.Errorf("restarted node ticked %d times, want 1", ps[0].ticks)
	}
}

func TestPauseQueuesThenDelivers(t *testing.T) {
	s, ps, _ := newProbes(t, 2, 5*ms)
	noErr(t, s.Pause(1))
	if s.Topology().Live[1] {
		t.Error("paused node reported live")
	}
	for term := uint64(1); term <= 3; term++ {
		ps[0].send(1, term, impl.KindOther)
	}
	s.RunFor(100 * ms)
	if ps[1].ticks != 0 || len(ps[1].got) != 0 {
		t.Fatalf("paused node ticked %d times and got %d messages", ps[1].ticks, len(ps[1].got))
	}
	if err := s.Pause(1); !errors.Is(err, faults.ErrPaused) {
		t.Errorf("second pause: %v", err)
	}
	noErr(t, s.Resume(1))
	if len(ps[1].got) != 3 {
		t.Fatalf("resume delivered %d of 3", len(ps[1].got))
	}
	for i, m := range ps[1].got {
		if m.Term != uint64(i+1) {
			t.Errorf("delivery %d out of order: %v", i, m)
		}
	}
	s.RunFor(30 * ms)
	if ps[1].ticks != 3 {
		t.Errorf("resumed node ticked %d times in 30ms, want 3", ps[1].ticks)
	}
	if err := s.Resume(1); !errors.Is(err, faults.ErrNotPaused) {
		t.Errorf("resume of a running node: %v", err)
	}
}

func TestCrashWhilePausedLosesQueue(t *testing.T) {
	s, ps, rec := newProbes(t, 2, 5*ms)
	noErr(t, s.Pause(1))
	ps[0].send(1, 1, impl.KindOther)
	s.RunFor(20 * ms)
	noErr(t, s.Crash(1))
	if got := rec.grep("dropped", "0->1", "crashed"); len(got) != 1 {
		t.Errorf("queued message not dropped on crash: %q", rec.lines)
	}
	if err := s.Resume(1); !errors.Is(err, faults.ErrNotPaused) {
		t.Errorf("resume of a crashed node: %v", err)
	}
	if err := s.Pause(1); !errors.Is(err, faults.ErrCrashed) {
		t.Errorf("pause of a crashed node: %v", err)
	}
}

func TestSkewScalesTicks(t *testing.T) {
	s, ps, _ := newProbes(t, 3, 0)
	noErr(t, s.Skew(1, 2))
	noErr(t, s.Skew(2, 0.5))
	s.RunFor(time.Second)
	if ps[0].ticks != 100 || ps[1].ticks != 200 || ps[2].ticks != 50 {
		t.Errorf("ticks %d %d %d, want 100 200 50", ps[0].ticks, ps[1].ticks, ps[2].ticks)
	}
	if got := s.Stats().Ticks; got != 350 {
		t.Errorf("Stats.Ticks = %d", got)
	}
	if !s.Topology().Faulty {
		t.Error("skew not reported as faulty")
	}
	noErr(t, s.Skew(1, 1))
	noErr(t, s.Skew(2, 1))
	if s.Topology().Faulty {
		t.Error("still faulty after unskewing")
	}
	for _, rate := range []float64{0, -1, 1e9} {
		if err := s.Skew(0, rate); !errors.Is(err, faults.ErrSkewRate) {
			t.Errorf("Skew(%g): %v", rate, err)
		}
	}
}

func TestDuplicateRule(t *testing.T) {
	s, ps, rec := newProbes(t, 2, 5*ms)
	noErr(t, s.SetRule("dup", faults.LinkRule{From: 0, To: 1, Duplicate: 1}))
	ps[0].send(1, 1, impl.KindOther)
	ps[1].send(0, 1, impl.KindOther) // the reverse link is not matched
	s.RunFor(20 * ms)
	if len(ps[1].got) != 2 || len(ps[0].got) != 1 {
		t.Errorf("got %d and %d copies, want 2 and 1", len(ps[1].got), len(ps[0].got))
	}
	if st := s.Stats(); st.Duplicated != 1 || st.Delivered != 3 || st.Sent != 2 {
		t.Errorf("stats %+v", st)
	}
	if got := rec.grep("sent"); len(got) != 2 {
		t.Errorf("sent traced %d times", len(got))
	}
}

func TestDropRuleByKind(t *testing.T) {
	s, ps, rec := newProbes(t, 2, 5*ms)
	noErr(t, s.SetRule("d", faults.LinkRule{From: faults.AnyNode, To: faults.AnyNode, Drop: 1, Kinds: []impl.Kind{impl.KindHeartbeat}}))
	ps[0].send(1, 1, impl.KindHeartbeat)
	ps[0].send(1, 2, impl.KindVoteRequest)
	s.RunFor(20 * ms)
	if len(ps[1].got) != 1 || ps[1].got[0].Kind != impl.KindVoteRequest {
		t.Errorf("got %v", ps[1].got)
	}
	if got := rec.grep("dropped", "heartbeat", "drop rule"); len(got) != 1 {
		t.Errorf("drop not traced: %q", rec.lines)
	}
	s.ClearRule("d")
	ps[0].send(1, 3, impl.KindHeartbeat)
	s.RunFor(20 * ms)
	if len(ps[1].got) != 2 {
		t.Error("rule still active after ClearRule")
	}
}

func TestDelayRuleReorders(t *testing.T) {
	s, ps, _ := newProbes(t, 2, ms)
	noErr(t, s.SetRule("r", faults.LinkRule{From: faults.AnyNode, To: faults.AnyNode,
		Delay: faults.Delay{Dist: faults.Uniform, Spread: 200 * ms}}))
	for term := uint64(1); term <= 50; term++ {
		ps[0].send(1, term, impl.KindOther)
	}
	s.RunFor(time.Second)
	if len(ps[1].got) != 50 {
		t.Fatalf("got %d of 50", len(ps[1].got))
	}
	inOrder := true
	for i, m := range ps[1].got {
		inOrder = inOrder && m.Term == uint64(i+1)
	}
	if inOrder {
		t.Error("a 200ms uniform delay spread did not reorder 50 messages")
	}
}

func TestSetRuleValidates(t *testing.T) {
	s, _, _ := newProbes(t, 3, 0)
	err := s.SetRule("bad", faults.LinkRule{From: faults.AnyNode, To: faults.AnyNode, Drop: -0.1})
	if err == nil || !strings.Contains(err.Error(), "faults: drop probability -0.1 is outside [0, 1]") {
		t.Errorf("err = %v", err)
	}
	if err := s.SetRule("bad", faults.LinkRule{From: 3, To: faults.AnyNode}); err == nil {
		t.Error("rule from node 3 of 3 accepted")
	}
}

func TestOutOfRangeNodes(t *testing.T) {
	s, ps, rec := newProbes(t, 2, 0)
	for name, op := range map[string]func(int) error{
		"Crash": s.Crash, "Restart": s.Restart, "Pause": s.Pause, "Resume": s.Resume,
		"Skew": func(n int) error { return s.Skew(n, 2) },
	} {
		for _, n := range []int{-1, 2} {
			if err := op(n); !errors.Is(err, faults.ErrNoSuchNode) {
				t.Errorf("%s(%d): %v", name, n, err)
			}
		}
	}
	if st := s.Status(9); st.Role != impl.Down {
		t.Errorf("Status(9) = %v", st)
	}
	ps[0].send(5, 1, impl.KindOther)
	s.RunFor(10 * ms)
	if got := rec.grep("dropped", "0->5", "no such node"); len(got) != 1 {
		t.Errorf("message to node 5: %q", rec.lines)
	}
}

func TestSenderIsStamped(t *testing.T) {
	s, ps, _ := newProbes(t, 3, 0)
	ps[0].out = append(ps[0].out, impl.Message{From: 2, To: 1, Term: 1})
	s.SetGrudge("g", faults.Grudge{1: {0}})
	s.RunFor(20 * ms)
	if len(ps[1].got) != 0 {
		t.Errorf("a spoofed From got a message across a cut link: %v", ps[1].got)
	}
}

func TestRunUntil(t *testing.T) {
	s, ps, _ := newProbes(t, 1, 0)
	if !s.RunUntil(time.Second, func() bool { return ps[0].ticks == 3 }) || s.Now() != 30*ms {
		t.Errorf("stopped at %v with %d ticks", s.Now(), ps[0].ticks)
	}
	if s.RunUntil(50*ms, func() bool { return false }) || s.Now() != 80*ms {
		t.Errorf("limit not respected: now %v", s.Now())
	}
	if !s.RunUntil(time.Second, func() bool { return true }) || s.Now() != 80*ms {
		t.Error("RunUntil should return at once when done already holds")
	}
}

func TestLeaderElectionAndFailover(t *testing.T) {
	s, err := sim.New(sim.Config{Nodes: 5, Seed: 3, Factory: beaconFactory(30, 10)})
	noErr(t, err)
	hasLeader := func() bool { _, ok := s.Leader(); return ok }
	if !s.RunUntil(5*time.Second, hasLeader) {
		t.Fatal("no leader in 5s")
	}
	old, _ := s.Leader()
	oldTerm := s.Status(old).Term
	noErr(t, s.Crash(old))
	if !s.RunUntil(5*time.Second, hasLeader) {
		t.Fatal("no new leader after crashing the old one")
	}
	now, _ := s.Leader()
	if now == old || s.Status(now).Term <= oldTerm {
		t.Errorf("leader %d term %d after crashing %d term %d", now, s.Status(now).Term, old, oldTerm)
	}
	noErr(t, s.Restart(old))
	s.RunFor(2 * time.Second)
	if st := s.Status(old); st.Role != impl.Follower || st.Leader != now {
		t.Errorf("restarted old leader: %v", st)
	}
}

func TestNewValidation(t *testing.T) {
	ps := probes{}
	boom := errors.New("boom")
	failOn2 := func(cfg impl.MachineConfig) (impl.Machine, error) {
		if cfg.ID == 2 {
			return nil, boom
		}
		return ps.factory(cfg)
	}
	nilMachine := func(impl.MachineConfig) (impl.Machine, error) { return nil, nil }
	cases := []struct {
		cfg  sim.Config
		want string
	}{
		{sim.Config{Nodes: 0, Factory: ps.factory}, "sim: Nodes must be at least 1, got 0"},
		{sim.Config{Nodes: 3}, "sim: Factory is nil"},
		{sim.Config{Nodes: 3, Factory: ps.factory, Tick: -ms}, "sim: Tick must be positive, got -1ms"},
		{sim.Config{Nodes: 3, Factory: ps.factory, Latency: faults.Delay{Base: -ms}}, "sim: Latency: faults: delay base -1ms is negative"},
		{sim.Config{Nodes: 3, Factory: failOn2}, "sim: node 2: boom"},
		{sim.Config{Nodes: 1, Factory: nilMachine}, "sim: node 0: factory returned a nil machine"},
	}
	for _, c := range cases {
		s, err := sim.New(c.cfg)
		if err == nil || err.Error() != c.want || s != nil {
			t.Errorf("New(%+v) = %v, want %q", c.cfg, err, c.want)
		}
	}
	if _, err := sim.New(sim.Config{Nodes: 3, Factory: failOn2}); !errors.Is(err, boom) {
		t.Error("factory error not wrapped")
	}
}

func TestStatsBalance(t *testing.T) {
	s, err := sim.New(sim.Config{Nodes: 5, Seed: 9, Factory: beaconFactory(30, 10),
		Latency: faults.Delay{Dist: faults.Uniform, Base: ms, Spread: 20 * ms}})
	noErr(t, err)
	noErr(t, s.SetRule("x", faults.LinkRule{From: faults.AnyNode, To: faults.AnyNode, Drop: 0.1, Duplicate: 0.2}))
	s.RunFor(10 * time.Second)
	st := s.Stats()
	// Anything unaccounted for is in flight: at most a few heartbeat rounds.
	inFlight := int64(st.Sent+st.Duplicated) - int64(st.Delivered+st.Dropped)
	if inFlight < 0 || inFlight > 40 || st.Duplicated == 0 || st.Dropped == 0 {
		t.Errorf("stats %+v (in flight %d)", st, inFlight)
	}
}

func TestRunUntilHugeLimit(t *testing.T) {
	s, ps, _ := newProbes(t, 1, 0)
	if !s.RunUntil(math.MaxInt64, func() bool { return ps[0].ticks == 2 }) || s.Now() != 20*ms {
		t.Errorf("now %v", s.Now())
	}
}

package raft

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ballot-go/ballot/impl"
)

// network is a tiny synchronous cluster for tests: every tick, each live
// machine ticks, then messages are delivered in FIFO order until none are
// left. drop decides per message whether the network loses it.
type network struct {
	t        testing.TB
	cfg      Config
	seed     uint64
	ids      []int
	machines []*Machine // nil while crashed
	storages []*impl.MemStorage
	restarts []uint64
	drop     func(impl.Message) bool
	leaders  map[uint64]int // term -> leader, to check election safety
	now      int
}

func newNetwork(t testing.TB, n int, cfg Config, seed uint64) *network {
	t.Helper()
	nw := &network{t: t, cfg: cfg, seed: seed, leaders: map[uint64]int{}}
	for i := range n {
		nw.ids = append(nw.ids, i)
		nw.storages = append(nw.storages, impl.NewMemStorage())
	}
	nw.machines = make([]*Machine, n)
	nw.restarts = make([]uint64, n)
	for i := range n {
		nw.start(i)
	}
	return nw
}

func (nw *network) start(i int) {
	nw.t.Helper()
	m, err := New(impl.MachineConfig{
		ID:      nw.ids[i],
		Peers:   nw.ids,
		Storage: nw.storages[i],
		Rand:    rand.New(rand.NewPCG(nw.seed, uint64(i)<<32|nw.restarts[i])),
	}, nw.cfg)
	if err != nil {
		nw.t.Fatalf("New(%d): %v", i, err)
	}
	nw.machines[i] = m
}

func (nw *network) crash(i int) { nw.machines[i] = nil }

func (nw *network) restart(i int) {
	nw.restarts[i]++
	nw.start(i)
}

// isolate cuts every link to and from the given nodes.
func (nw *network) isolate(ids ...int) {
	cut := map[int]bool{}
	for _, id := range ids {
		cut[id] = true
	}
	nw.drop = func(m impl.Message) bool { return cut[m.From] || cut[m.To] }
}

func (nw *network) heal() { nw.drop = nil }

func (nw *network) tick() {
	nw.now++
	for _, m := range nw.machines {
		if m != nil {
			m.Tick()
		}
	}
	nw.deliver()
}

func (nw *network) run(ticks int) {
	for range ticks {
		nw.tick()
	}
}

// deliver drains every outbox until the cluster is quiet.
func (nw *network) deliver() {
	nw.t.Helper()
	for range 1000 {
		var queue []impl.Message
		for _, m := range nw.machines {
			if m != nil {
				queue = append(queue, m.Ready()...)
			}
		}
		nw.checkSafety()
		if len(queue) == 0 {
			return
		}
		for _, msg := range queue {
			to := nw.machines[msg.To]
			if to == nil || (nw.drop != nil && nw.drop(msg)) {
				continue
			}
			to.Step(msg)
		}
	}
	nw.t.Fatalf("tick %d: messages still flowing after 1000 rounds", nw.now)
}

// checkSafety fails the test if two nodes ever lead the same term (§5.2).
func (nw *network) checkSafety() {
	nw.t.Helper()
	for _, m := range nw.machines {
		if m == nil || m.role != impl.Leader {
			continue
		}
		if prev, ok := nw.leaders[m.term]; ok && prev != m.id {
			nw.t.Fatalf("tick %d: election safety violated: %d and %d both lead term %d", nw.now, prev, m.id, m.term)
		}
		nw.leaders[m.term] = m.id
	}
}

// leader returns the only leader among live nodes that are not cut off, or
// fails the test.
func (nw *network) leader() *Machine {
	nw.t.Helper()
	var found []*Machine
	for _, m := range nw.machines {
		if m != nil && m.role == impl.Leader {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		nw.t.Fatalf("tick %d: want exactly one leader, got %d: %s", nw.now, len(found), nw)
	}
	return found[0]
}

// runUntilLeader ticks until some node leads, and returns it.
func (nw *network) runUntilLeader(maxTicks int, eligible ...int) *Machine {
	nw.t.Helper()
	for range maxTicks {
		nw.tick()
		for _, m := range nw.machines {
			if m != nil && m.role == impl.Leader && (len(eligible) == 0 || contains(eligible, m.id)) {
				return m
			}
		}
	}
	nw.t.Fatalf("no leader after %d ticks: %s", maxTicks, nw)
	return nil
}

func (nw *network) String() string {
	s := ""
	for _, m := range nw.machines {
		if m == nil {
			s += "[down] "
			continue
		}
		s += fmt.Sprintf("[%s] ", m.Status())
	}
	return s
}

func contains(ids []int, id int) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

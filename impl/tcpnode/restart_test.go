package tcpnode_test

import (
	"sync"
	"testing"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/raft"
)

// recorder wraps a factory to see what a node loads from its data
// directory and the last status its loop read.
type recorder struct {
	mu     sync.Mutex
	loaded []impl.HardState
	last   impl.Status
}

func (r *recorder) factory(t *testing.T) impl.MachineFactory {
	inner, err := raft.DefaultConfig().Factory()
	if err != nil {
		t.Fatal(err)
	}
	return func(mc impl.MachineConfig) (impl.Machine, error) {
		r.mu.Lock()
		r.loaded = append(r.loaded, mc.Storage.HardState())
		r.mu.Unlock()
		m, err := inner(mc)
		if err != nil {
			return nil, err
		}
		return &recorded{Machine: m, r: r}, nil
	}
}

type recorded struct {
	impl.Machine
	r *recorder
}

func (m *recorded) Status() impl.Status {
	st := m.Machine.Status()
	m.r.mu.Lock()
	m.r.last = st
	m.r.mu.Unlock()
	return st
}

// A node that stops and runs again on the same data directory starts from
// the term and vote it had: it cannot vote twice in a term, nor go back to
// an older one.
func TestRestartKeepsTermAndVote(t *testing.T) {
	c := newCluster(t, 3)
	recorders := make([]*recorder, 3)
	for i := range c.cfgs {
		recorders[i] = &recorder{}
		c.cfgs[i].Machine = recorders[i].factory(t)
	}
	c.start(0, 1, 2)
	term, lead := c.awaitLeader(0, 0, 1, 2)
	f := voter(t, c, lead)

	c.stop(f)
	r := recorders[f]
	r.mu.Lock()
	before := r.last
	r.mu.Unlock()
	c.start(f)
	r.mu.Lock()
	loaded := r.loaded[len(r.loaded)-1]
	r.mu.Unlock()

	if want := (impl.HardState{Term: before.Term, VotedFor: before.VotedFor}); loaded != want {
		t.Fatalf("node %d stopped at %v but restarted from %+v", f, before, loaded)
	}
	if before.Term < term || before.VotedFor == impl.None {
		t.Fatalf("node %d stopped at %v, which is not the vote it gave in term %d: the test proves nothing", f, before, term)
	}
	term2, lead2 := c.awaitLeader(term-1, 0, 1, 2)
	t.Logf("node %d voted in term %d, restarted with %+v; node %d leads term %d", f, term, loaded, lead2, term2)
}

// voter is a follower that voted in the leader's term; one did, since a
// leader of three needs a vote besides its own.
func voter(t *testing.T, c *cluster, lead int) int {
	t.Helper()
	all, ok, seen := c.states([]int{0, 1, 2})
	if !ok {
		t.Fatal(seen)
	}
	for _, s := range all {
		if s.ID != lead && s.Vote != impl.None && s.Term == all[lead].Term {
			return s.ID
		}
	}
	t.Fatalf("no follower voted in the leader's term: %s", seen)
	return 0
}

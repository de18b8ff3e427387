package etcdraft

import (
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
	pb "go.etcd.io/raft/v3/raftpb"
)

// durable is what a member must get back after a crash (Raft §5.1, and
// the thesis §3.8: term, vote and the log; the commit index because the
// library keeps it in its HardState and checks it against the log).
type durable struct {
	term, commit, lastIndex uint64
	vote                    int
}

func durableOf(m *Machine) durable {
	st := m.rn.BasicStatus()
	last, _ := m.disk.mem.LastIndex()
	return durable{term: st.Term, commit: st.Commit, lastIndex: last, vote: nodeID(st.Vote)}
}

// crashAndRestart crashes node n, lets the others run for down, restarts
// it and checks that it came back with everything it had.
func crashAndRestart(t *testing.T, s *sim.Sim, ms *members, n int, down time.Duration) {
	t.Helper()
	before := durableOf(ms.latest[n])
	if before.lastIndex < 2 || before.commit < 2 {
		t.Fatalf("node %d has no committed entry to lose (%+v): the test proves nothing", n, before)
	}
	if err := s.Crash(n); err != nil {
		t.Fatal(err)
	}
	s.RunFor(down)
	if err := s.Restart(n); err != nil {
		t.Fatal(err)
	}
	if after := durableOf(ms.latest[n]); after != before {
		t.Errorf("node %d restarted with %+v, had %+v", n, after, before)
	}
}

// TestRestartRestoresLogAndCommit crashes a follower, then the leader, of
// a cluster whose log and commit index have moved past the bootstrap
// snapshot, and restarts each: it must come back with its log and commit
// index, and neither it nor anyone else may panic (a member restored with
// only its term and vote panicked on the leader's first heartbeat,
// "tocommit(1) is out of range [lastIndex(0)]").
func TestRestartRestoresLogAndCommit(t *testing.T) {
	for name, cfg := range variants() {
		t.Run(name, func(t *testing.T) {
			s, ms := simulate(t, 5, cfg, 7)
			s.RunFor(2 * time.Second) // the leader's entry commits everywhere
			lead := leader(t, s)
			follower := (lead + 1) % 5

			crashAndRestart(t, s, ms, follower, time.Second)
			s.RunFor(2 * time.Second)
			if st := s.Status(follower); st.Leader != lead {
				t.Errorf("restarted follower %d: %v, want leader %d", follower, st, lead)
			}

			crashAndRestart(t, s, ms, lead, 3*time.Second)
			s.RunFor(2 * time.Second)
			next := leader(t, s)
			if st := s.Status(lead); st.Role != impl.Follower || st.Leader != next {
				t.Errorf("restarted old leader %d: %v, want a follower of %d", lead, st, next)
			}
			noPanics(t, s)
		})
	}
}

// TestRestartWithoutLogPanics shows that the test above can fail: a member
// that gets back its term and vote but not its log or commit index makes
// the library panic, as it did before the adapter kept the log.
func TestRestartWithoutLogPanics(t *testing.T) {
	ms := &members{latest: map[int]*Machine{}, built: map[int]int{}}
	build := ms.factory(t, DefaultConfig())
	forgetful := func(mc impl.MachineConfig) (impl.Machine, error) {
		if ms.built[mc.ID] > 0 {
			mc.Storage = amnesiac{mc.Storage.(*impl.MemStorage)}
		}
		return build(mc)
	}
	s, err := sim.New(sim.Config{Nodes: 3, Seed: 7, Factory: forgetful})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	lead := leader(t, s)
	s.RunFor(2 * time.Second)
	follower := (lead + 1) % 3
	if err := s.Crash(follower); err != nil {
		t.Fatal(err)
	}
	if err := s.Restart(follower); err != nil {
		t.Fatal(err)
	}
	s.RunFor(2 * time.Second)
	panics := s.Panics()
	if len(panics) == 0 || !strings.Contains(panics[0].Value, "out of range") {
		t.Fatalf("want the library's out-of-range panic, got %v", panics)
	}
	t.Logf("node %d panicked in %s: %s", panics[0].Node, panics[0].Call, panics[0].Value)
}

// amnesiac gives a restarted member back its membership, term and vote,
// and nothing of its log or commit index past the bootstrap snapshot.
type amnesiac struct{ *impl.MemStorage }

func (a amnesiac) Blob(name string) []byte {
	switch name {
	case blobLog:
		return nil
	case blobHardState:
		var hs pb.HardState
		if err := hs.Unmarshal(a.MemStorage.Blob(name)); err != nil {
			panic(err)
		}
		var snap pb.Snapshot
		if err := snap.Unmarshal(a.MemStorage.Blob(blobSnapshot)); err != nil {
			panic(err)
		}
		hs.Commit = snap.Metadata.Index
		b, err := hs.Marshal()
		if err != nil {
			panic(err)
		}
		return b
	}
	return a.MemStorage.Blob(name)
}

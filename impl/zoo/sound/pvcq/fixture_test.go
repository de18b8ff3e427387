package pvcq_test

import (
	"math/rand/v2"
	"testing"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/zoo/sound/pvcq"
)

// Ticks from the package documentation, restated so the tests say what
// they rely on.
const (
	electionMin    = 40
	electionMax    = 80
	heartbeatEvery = 10
)

// fixture is node 0 of a three-member cluster {0, 1, 2}, driven by hand.
type fixture struct {
	t       *testing.T
	m       impl.Machine
	storage *impl.MemStorage
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{t: t, storage: impl.NewMemStorage()}
	f.restart()
	return f
}

// restart builds node 0 afresh on the same storage, as after a crash.
func (f *fixture) restart() {
	f.t.Helper()
	m, err := pvcq.New(impl.MachineConfig{ID: 0, Peers: []int{0, 1, 2}, Storage: f.storage, Rand: rand.New(rand.NewPCG(1, 2))})
	if err != nil {
		f.t.Fatal(err)
	}
	f.m = m
}

func (f *fixture) tick(n int) {
	for range n {
		f.m.Tick()
	}
}

// deliver steps a message from another member to node 0 and returns what
// node 0 queued in response.
func (f *fixture) deliver(from int, kind impl.Kind, term uint64, granted bool) []impl.Message {
	f.m.Step(impl.Message{From: from, To: 0, Kind: kind, Term: term, Granted: granted})
	return f.m.Ready()
}

// follow makes node 0 a follower of node 1 in term.
func (f *fixture) follow(term uint64) {
	f.deliver(1, impl.KindHeartbeat, term, false)
}

// lead makes node 0 the leader of term 1: it times out, wins a pre-vote
// and a vote from node 1.
func (f *fixture) lead() {
	f.t.Helper()
	f.tick(electionMax)
	f.m.Ready()
	f.deliver(1, impl.KindPreVoteReply, 1, true)
	f.deliver(1, impl.KindVoteReply, 1, true)
	if st := f.m.Status(); st.Role != impl.Leader || st.Term != 1 {
		f.t.Fatalf("setting up a leader of term 1, got %v", st)
	}
}

// only returns the one message in out, failing otherwise.
func only(t *testing.T, out []impl.Message) impl.Message {
	t.Helper()
	if len(out) != 1 {
		t.Fatalf("want one message, got %v", out)
	}
	return out[0]
}

func kinds(out []impl.Message) map[impl.Kind]int {
	k := map[impl.Kind]int{}
	for _, m := range out {
		k[m.Kind]++
	}
	return k
}

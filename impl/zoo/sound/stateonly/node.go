package stateonly

import (
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

type role uint8

const (
	follower role = iota
	candidate
	leader
)

// node is one member. The fields from term on belong to the loop
// goroutine: nothing else reads or writes them.
type node struct {
	env    impl.Env
	others []int // every member but this one

	events   chan any      // inbound requests and outbound outcomes, for the loop
	stop     chan struct{} // closed by Stop
	stopOnce sync.Once
	loopDone chan struct{}

	// status is term<<1 | 1 while leading: one word, so State never sees
	// the term of one moment with the role of another.
	status atomic.Uint64

	term     uint64
	votedFor int
	saved    impl.HardState // what Storage holds
	role     role
	votes    map[int]bool // granted votes of the current campaign, own included
	wake     *time.Timer  // election timeout, or a leader's next heartbeat
}

var _ impl.Node = (*node)(nil)

// New is an impl.NodeFactory. The node resumes from the term and vote in
// env.Storage as a follower, and its loop is running when New returns.
func New(env impl.Env) (impl.Node, impl.Handler, error) {
	if env.Logger == nil {
		env.Logger = hclog.NewNullLogger()
	}
	hs := env.Storage.HardState()
	n := &node{
		env:      env,
		others:   slices.DeleteFunc(slices.Clone(env.Peers), func(p int) bool { return p == env.ID }),
		events:   make(chan any),
		stop:     make(chan struct{}),
		loopDone: make(chan struct{}),
		term:     hs.Term,
		votedFor: hs.VotedFor,
		saved:    hs,
		role:     follower,
	}
	n.wake = time.NewTimer(n.electionTimeout())
	n.publish()
	go n.loop()
	return n, n, nil
}

// State implements impl.Node without waiting for the loop.
func (n *node) State() (uint64, bool) {
	s := n.status.Load()
	return s >> 1, s&1 == 1
}

// publish makes the loop's term and role visible to State.
func (n *node) publish() {
	s := n.term << 1
	if n.role == leader {
		s |= 1
	}
	n.status.Store(s)
}

// Stop implements impl.Node: it ends the loop and waits for it, so no state
// changes after Stop returns. Other goroutines see stop and give up.
func (n *node) Stop() {
	n.stopOnce.Do(func() { close(n.stop) })
	<-n.loopDone
}

// post hands an event to the loop, unless the node stops first.
func (n *node) post(ev any) bool {
	select {
	case <-n.stop:
		return false // checked alone first: a select picks among ready cases at random
	default:
	}
	select {
	case n.events <- ev:
		return true
	case <-n.stop:
		return false
	}
}

func (n *node) majority(votes int) bool { return 2*votes > len(n.others)+1 }

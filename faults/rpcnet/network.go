package rpcnet

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

// runs numbers the clusters of this process, so their goroutine labels differ.
var runs atomic.Uint64

// Network is a cluster of goroutine nodes and the network between them. Its
// methods are safe for concurrent use.
type Network struct {
	cfg   Config
	log   hclog.Logger
	start time.Time
	run   string // this cluster's label value

	mu        sync.Mutex
	members   []*member
	links     *faults.LinkState
	netRand   *rand.Rand
	faultRand *rand.Rand
	closed    bool
	panics    []faults.Panic

	traceMu traceLock // serialises tracer calls, which come from many goroutines

	pollerCtx []context.Context // the labels pollAll wears while it asks node i
	warned    sync.Map          // fields already warned about: type.field

	wg       sync.WaitGroup // the framework's own goroutines
	stopCh   chan struct{}  // closed by Close: framework goroutines exit
	pollDone chan struct{}  // closed when pollAll returns
}

var _ faults.Target = (*Network)(nil)

// New starts every node and the poller. Call Close when done: it stops the
// nodes and waits for the framework's goroutines.
func New(cfg Config) (*Network, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	n := &Network{
		cfg: cfg, log: cfg.Logger, start: time.Now(), run: fmt.Sprint(runs.Add(1)),
		members:   make([]*member, cfg.Nodes),
		links:     faults.NewLinkState(cfg.Nodes),
		netRand:   faults.NetRand(cfg.Seed),
		faultRand: faults.FaultRand(cfg.Seed),
		stopCh:    make(chan struct{}),
		pollDone:  make(chan struct{}),
		traceMu:   newTraceLock(),
	}
	for i := range n.members {
		n.members[i] = &member{id: i, storage: impl.NewMemStorage(), pollSince: -1}
		n.pollerCtx = append(n.pollerCtx, pprof.WithLabels(context.Background(),
			pprof.Labels(LabelRun, n.run, LabelNode, fmt.Sprint(PollerPrefix, i))))
	}
	for i := range n.members {
		if err := n.boot(i); err != nil {
			n.Close()
			return nil, err
		}
	}
	n.traceTopology(impl.None, faults.WhyStart)
	n.goFramework(n.stuckLoop)
	go n.pollAll()
	return n, nil
}

// Now is the time since the cluster started: virtual inside a synctest
// bubble, real outside.
func (n *Network) Now() time.Duration { return time.Since(n.start) }

// RunFor lets d pass.
func (n *Network) RunFor(d time.Duration) { time.Sleep(d) }

// RunUntil lets time pass until done reports true, checking after every
// poll, or until limit has passed. It reports whether done became true.
func (n *Network) RunUntil(limit time.Duration, done func() bool) bool {
	deadline := n.Now() + limit
	for !done() {
		if n.Now() >= deadline {
			return false
		}
		time.Sleep(min(n.cfg.Poll, deadline-n.Now()))
	}
	return true
}

// Size is the number of nodes.
func (n *Network) Size() int { return n.cfg.Nodes }

// Rand is the fault layer's source of randomness, derived from the seed.
// Faults call it from the goroutine that injects them.
func (n *Network) Rand() *rand.Rand { return n.faultRand }

// Close stops every node, reports goroutines that outlive their node's
// grace period, and waits for the framework's own goroutines to end.
func (n *Network) Close() {
	n.mu.Lock()
	if n.closed {
		n.mu.Unlock()
		return
	}
	n.closed = true
	n.mu.Unlock()
	n.traceStopAll()
	for i := range n.members {
		n.stopMember(i, "close")
	}
	close(n.stopCh)
	n.wg.Wait()
	// The poller is not in wg: it may be stuck for good in a node's State,
	// which has been reported, and must not hang Close too.
	select {
	case <-n.pollDone:
	case <-time.After(n.cfg.StuckAfter):
	}
}

// goFramework runs f in a goroutine of the framework's own, which the leak
// check never counts.
func (n *Network) goFramework(f func()) {
	n.wg.Add(1)
	go func() {
		defer n.wg.Done()
		setRoleLabels(n.run, FrameworkRole)
		f()
	}()
}

func (n *Network) valid(i int) bool { return i >= 0 && i < n.cfg.Nodes }

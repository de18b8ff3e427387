package procnet

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/proxy"
	"github.com/ballot-go/ballot/impl"
)

// Network is a cluster of real processes on loopback, each link behind a
// proxy of its own. It implements faults.Network in wall time.
type Network struct {
	cfg   Config
	start time.Time

	mu      sync.Mutex
	members []*member
	links   *faults.LinkState
	proxies [][]*proxy.Link // [from][to]; nil on the diagonal
	fronts  []*proxy.Member // per-member mode: the proxy before each node
	// halfOpen holds the half-open faults in force, by key: while any is,
	// the network is faulty, though no link is cut.
	halfOpen map[string]int
	closed   bool

	faultRand *rand.Rand

	push    *faults.Pusher
	ctx     context.Context // ends the pollers
	cancel  context.CancelFunc
	pollers sync.WaitGroup
	client  *http.Client
}

// member is one node and what the network knows of it.
type member struct {
	spec   NodeSpec
	addrs  Addresses
	argv   []string
	proc   *process // nil for a node ballot did not start
	live   bool
	paused bool
	last   impl.Status
	// garbled is set once the node answered /state with garbage in its
	// current life: one finding per life, not one per poll.
	garbled bool
	// silent is set while the node's polls go unanswered: one note when it
	// falls silent, not one per poll.
	silent bool
}

// New starts every node, each with its links behind proxies, and returns
// once every node serves /state. On any failure it stops what it started.
func New(cfg Config) (*Network, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	n := &Network{cfg: cfg, start: time.Now(), links: faults.NewLinkState(len(cfg.Nodes)), halfOpen: map[string]int{}, faultRand: faults.FaultRand(cfg.Seed),
		client: &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}}
	n.ctx, n.cancel = context.WithCancel(context.Background())
	n.push = &faults.Pusher{Tracer: cfg.Tracer, Now: n.Now, Topology: n.Topology}
	if err := n.build(); err != nil {
		n.shutdown()
		return nil, err
	}
	n.push.Changed(impl.None, faults.WhyStart)
	for i := range n.members {
		n.pollers.Go(func() { n.poll(i) })
	}
	return n, nil
}

// build gives every node its addresses and proxies, then starts them.
func (n *Network) build() error {
	for _, spec := range n.cfg.Nodes {
		m, err := newMember(spec, n.cfg.Dir)
		if err != nil {
			return err
		}
		n.members = append(n.members, m)
	}
	if err := n.listenLinks(); err != nil {
		return err
	}
	for i := range n.members {
		if err := n.boot(i); err != nil {
			return err
		}
	}
	return nil
}

func newMember(spec NodeSpec, dir string) (*member, error) {
	var err error
	if spec.Listen == "" {
		if spec.Listen, err = freeAddress(); err != nil {
			return nil, err
		}
	}
	if spec.State == "" {
		if spec.State, err = freeAddress(); err != nil {
			return nil, err
		}
	}
	if spec.Dir == "" {
		spec.Dir = filepath.Join(dir, fmt.Sprintf("node-%d", spec.ID))
	}
	if spec.Dir, err = filepath.Abs(spec.Dir); err != nil {
		return nil, fmt.Errorf("procnet: node %d's directory: %w", spec.ID, err)
	}
	m := &member{spec: spec, last: impl.DownStatus(spec.ID, 0)}
	m.addrs = Addresses{ID: spec.ID, Listen: spec.Listen, State: spec.State, Data: spec.Dir, Peers: map[int]string{}, Advertise: spec.Listen}
	return m, nil
}

// Rand is the faults' source of randomness (faults.Target).
func (n *Network) Rand() *rand.Rand { return n.faultRand }

// Now is the wall time since the network started.
func (n *Network) Now() time.Duration { return time.Since(n.start) }

// RunFor lets d of wall time pass.
func (n *Network) RunFor(d time.Duration) {
	if d > 0 {
		time.Sleep(d)
	}
}

// RunUntil checks done every poll period until it holds or limit passes.
func (n *Network) RunUntil(limit time.Duration, done func() bool) bool {
	deadline := time.Now().Add(limit)
	for {
		if done() {
			return true
		}
		if !time.Now().Before(deadline) {
			return false
		}
		time.Sleep(min(n.cfg.Poll, time.Until(deadline)))
	}
}

// Close stops every node (SIGTERM, then SIGKILL after Config.Stop) and
// every proxy. The tracer hears first that no node runs from then on.
func (n *Network) Close() {
	n.mu.Lock()
	if n.closed {
		n.mu.Unlock()
		return
	}
	n.closed = true
	n.mu.Unlock()
	n.push.StopAll()
	n.shutdown()
}

// shutdown stops the pollers, the processes and the proxies.
func (n *Network) shutdown() {
	n.cancel()
	n.pollers.Wait()
	var wg sync.WaitGroup
	for _, m := range n.members {
		if m.proc != nil {
			wg.Go(func() { m.proc.stop(n.cfg.Stop) })
		}
	}
	wg.Wait()
	n.closeLinks()
}

func (n *Network) valid(i int) bool { return i >= 0 && i < len(n.cfg.Nodes) }

func (n *Network) noSuchNode(i int) error {
	return faults.NodeError("procnet", i, faults.ErrNoSuchNode, fmt.Sprintf("nodes are 0 to %d", len(n.cfg.Nodes)-1))
}

var errNotStarted = errors.New("ballot did not start it (the cluster file gives no command), so it cannot stop or start it")

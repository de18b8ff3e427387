package rpcnet

import (
	"context"
	"fmt"
	"runtime/pprof"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// member is one node of the cluster across its incarnations. Every field is
// guarded by Network.mu.
type member struct {
	id          int
	storage     *impl.MemStorage
	incarnation int
	node        impl.Node
	handler     impl.Handler
	live        bool          // built and not stopped
	done        chan struct{} // closed when this incarnation stops: cancels its calls
	paused      bool
	resumed     chan struct{} // closed when a pause ends
	status      impl.Status   // latest, from polling and the node's own reports
	observed    impl.Status   // the node's latest report through its Observer
	hasObserved bool
	reports     int           // how many reports the Observer has had
	pollSince   time.Duration // when the State call under way began, or -1
	stuck       bool          // reported stuck; not reported again
}

// boot builds the member's next incarnation under its goroutine labels, so
// every goroutine the factory starts is attributed to it.
func (n *Network) boot(i int) error {
	n.mu.Lock()
	m := n.members[i]
	inc, done := m.incarnation, make(chan struct{})
	n.mu.Unlock()
	env := impl.Env{
		ID: i, Peers: n.peers(), Storage: m.storage,
		Transport: &transport{n: n, from: i, inc: inc, done: done},
		Logger:    n.log.Named(fmt.Sprintf("node-%d", i)),
		Observer:  observer{n: n, node: i, inc: inc},
		Rand:      faults.NodeRand(n.cfg.Seed, i, inc),
	}
	var (
		node    impl.Node
		handler impl.Handler
		err     error
	)
	pprof.Do(context.Background(), nodeLabels(n.run, i, inc), func(context.Context) {
		node, handler, err = construct(n.cfg.Factory, env)
	})
	if err == nil && (node == nil || handler == nil) {
		err = fmt.Errorf("factory returned a nil node or handler")
	}
	if err != nil {
		close(done)
		return fmt.Errorf("rpcnet: node %d: %w", i, err)
	}
	n.mu.Lock()
	m.node, m.handler, m.live, m.done, m.paused = node, handler, true, done, false
	m.hasObserved, m.pollSince, m.stuck = false, -1, false
	// Until the first poll answers, the node keeps reading as down: only
	// the node itself knows its term (it may keep it outside HardState),
	// and the first answer, whatever it is, then goes into the history.
	m.status = impl.DownStatus(i, m.status.Term)
	n.mu.Unlock()
	return nil
}

// construct calls the factory, turning a panic into an error.
func construct(f impl.NodeFactory, env impl.Env) (node impl.Node, h impl.Handler, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("factory panicked: %v", v)
		}
	}()
	return f(env)
}

func (n *Network) peers() []int {
	ps := make([]int, n.cfg.Nodes)
	for i := range ps {
		ps[i] = i
	}
	return ps
}

// stopMember stops the member's current incarnation, if it runs: its calls
// are cancelled at once, Stop is called (and bounded), and after the grace
// period any goroutine of it still alive is reported as a leak.
func (n *Network) stopMember(i int, why string) bool {
	n.mu.Lock()
	m := n.members[i]
	if !m.live {
		n.mu.Unlock()
		return false
	}
	node, inc, term := m.node, m.incarnation, m.status.Term
	m.live, m.node, m.handler = false, nil, nil
	close(m.done)
	if m.paused {
		m.paused = false
		close(m.resumed)
	}
	m.incarnation++
	n.mu.Unlock()
	n.log.Debug("stop", "node", i, "why", why, "at", n.Now())
	n.traceStatus(impl.DownStatus(i, term))
	n.goFramework(func() { n.reap(i, inc, node) })
	return true
}

// reap calls Stop on a stopped incarnation and then checks it for leaks. A
// Stop that never returns is reported stuck, with the node's goroutines,
// and not also as leaks: they could not have exited while Stop hangs.
func (n *Network) reap(i, inc int, node impl.Node) {
	stopped := make(chan struct{})
	go func() {
		setLabels(n.run, i, inc) // a Stop that never returns is the node's own goroutine
		defer close(stopped)
		defer n.recoverPanic(i, "Stop")
		node.Stop()
	}()
	select {
	case <-stopped:
	case <-time.After(n.cfg.StopTimeout):
		n.stuck(i, fmt.Sprintf("Stop did not return within %v", n.cfg.StopTimeout), inc)
		return
	}
	n.awaitExit(i, inc)
	n.reportLeaks(i, inc)
}

// leakPoll is the first wait before a stopped incarnation is looked at
// again for survivors; each wait doubles, up to leakPollMax.
const (
	leakPoll    = 50 * time.Millisecond
	leakPollMax = 2 * time.Second
)

// awaitExit waits until no goroutine of incarnation inc of node i is left,
// or the grace period has passed. Correct code may take a while to notice
// Kill (a ticker that sleeps 350 ms between checks, a heartbeat loop that
// sleeps its period), so the grace is long; polling makes a clean stop
// cost one look, not the whole grace. The waits double, so that a goroutine
// that never exits costs a handful of looks at the goroutine profile, whose
// cost grows with every goroutine left in the process.
func (n *Network) awaitExit(i, inc int) {
	deadline := time.Now().Add(n.cfg.LeakGrace)
	for wait := leakPoll; len(n.nodeRecords(i, inc)) > 0 && time.Now().Before(deadline); wait = min(2*wait, leakPollMax) {
		time.Sleep(min(wait, time.Until(deadline)))
	}
}

// current reports whether incarnation inc of node i is the one running.
// Callers hold n.mu.
func (n *Network) current(i, inc int) bool {
	m := n.members[i]
	return m.live && m.incarnation == inc
}

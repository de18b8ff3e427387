package driver

import (
	"fmt"
	"sync"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// Method is the RPC method that carries a machine's messages.
const Method = "Machine.Step"

// Ack is the empty reply to a Method call: machine messages are one-way.
type Ack struct{}

// inboxSize bounds the messages waiting for the loop; a full inbox makes
// the transport wait, as a full socket buffer would.
const inboxSize = 256

// Node turns a Machine factory into a Node factory whose machine ticks
// every tick.
func Node(factory impl.MachineFactory, tick time.Duration) impl.NodeFactory {
	return func(env impl.Env) (impl.Node, impl.Handler, error) {
		if tick <= 0 {
			return nil, nil, fmt.Errorf("driver: tick is %v: it must be positive", tick)
		}
		m, err := factory(impl.MachineConfig{ID: env.ID, Peers: env.Peers, Storage: env.Storage, Rand: env.Rand, Logger: env.Logger})
		if err != nil {
			return nil, nil, err
		}
		d := &node{m: m, env: env, inbox: make(chan impl.Message, inboxSize), stop: make(chan struct{}), status: m.Status()}
		d.wg.Add(1)
		go d.loop(tick)
		return d, d, nil
	}
}

// node is the goroutine around one machine.
type node struct {
	m     impl.Machine // touched only by loop
	env   impl.Env
	inbox chan impl.Message
	stop  chan struct{}
	once  sync.Once
	wg    sync.WaitGroup // the loop and the sends in flight

	mu     sync.Mutex
	status impl.Status
}

func (d *node) loop(tick time.Duration) {
	defer d.wg.Done()
	ticker := time.NewTicker(tick)
	defer ticker.Stop()
	d.env.Observer.Observe(d.status)
	for {
		select {
		case <-d.stop:
			return
		case <-ticker.C:
			d.m.Tick()
		case msg := <-d.inbox:
			d.m.Step(msg)
		}
		d.publish()
		for _, out := range d.m.Ready() {
			d.wg.Add(1)
			go d.send(out)
		}
	}
}

// publish makes the machine's status visible to State and the observer.
func (d *node) publish() {
	st := d.m.Status()
	d.mu.Lock()
	changed := st != d.status
	d.status = st
	d.mu.Unlock()
	if changed {
		d.env.Observer.Observe(st)
	}
}

func (d *node) send(m impl.Message) {
	defer d.wg.Done()
	d.env.Transport.Call(m.To, Method, m, &Ack{})
}

// State implements impl.Node.
func (d *node) State() (uint64, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.status.Term, d.status.Role == impl.Leader
}

// Stop implements impl.Node: the loop ends, and so do the sends in flight,
// which the network cancels for a stopped node.
func (d *node) Stop() {
	d.once.Do(func() { close(d.stop) })
	d.wg.Wait()
}

// Serve implements impl.Handler: it queues the message for the loop.
func (d *node) Serve(method string, args, reply any) bool {
	m, ok := args.(impl.Message)
	if method != Method || !ok {
		d.env.Logger.Error("unexpected call", "method", method, "args", fmt.Sprintf("%T", args))
		return false
	}
	select {
	case <-d.stop:
		return false // checked first: select picks at random among ready cases
	default:
	}
	select {
	case d.inbox <- m:
		return true
	case <-d.stop:
		return false
	}
}

package labrpc

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/go-hclog"

	"github.com/ballot-go/ballot/impl"
)

// ClientEnd is one peer as 6.5840 code sees it: peers[i].Call sends an RPC
// to peer i through the framework's [impl.Transport], so every fault the
// framework injects applies to it.
type ClientEnd struct {
	peer      int
	transport impl.Transport
	stopped   *atomic.Bool // the calling node's; nil in a zero ClientEnd
}

// Call sends an RPC and waits for the reply, like labrpc's ClientEnd.Call.
// svcMeth is "Service.Method" (6.5840 code uses "Raft.RequestVote" and the
// like); args is usually a pointer to the arguments struct and reply a
// pointer to a zero reply struct. Call returns true if the reply arrived, in
// which case *reply holds it; false if the request or its reply was lost,
// possibly after a timeout. Once the node that owns the ClientEnd is
// stopped, Call returns false at once. A zero ClientEnd always returns false.
func (e *ClientEnd) Call(svcMeth string, args interface{}, reply interface{}) bool {
	if e == nil || e.transport == nil || (e.stopped != nil && e.stopped.Load()) {
		return false
	}
	return e.transport.Call(e.peer, svcMeth, args, reply)
}

// ApplyMsg is what 6.5840 Raft sends on applyCh, field for field. The
// framework reads and discards these messages: ballot tests the election
// only.
type ApplyMsg struct {
	CommandValid bool
	Command      interface{}
	CommandIndex int

	SnapshotValid bool
	Snapshot      []byte
	SnapshotTerm  int
	SnapshotIndex int
}

// Raft is what Make must return: the framework polls GetState and calls
// Kill when it stops or crashes the node. The concrete value also carries
// the RPC handler methods (RequestVote, AppendEntries, ...), which inbound
// calls reach by reflection.
type Raft interface {
	GetState() (int, bool)
	Kill()
}

// applyChCap is the buffer of the applyCh handed to Make. The framework
// drains it until the node stops; the buffer lets a few sends made after
// Kill complete instead of blocking.
const applyChCap = 64

// Node adapts a 6.5840 Make function to an [impl.NodeFactory]. Pass Make
// itself, whatever concrete type it returns:
//
//	factory := labrpc.Node(raft.Make)
//
// For each incarnation of a node the factory:
//   - requires env.Peers to be exactly 0..n-1 in some order (6.5840 code
//     indexes its peers by position) and builds peers[i] as the ClientEnd of
//     node i, peers[me] included;
//   - builds a [Persister] on env.Storage, which must implement
//     [impl.Blobs] (else it returns an error);
//   - makes a buffered applyCh;
//   - calls makeRaft(peers, env.ID, persister, applyCh). A panic in it is
//     not recovered: the framework records it as the node's;
//   - starts one goroutine that drains applyCh, discarding what it reads,
//     until Stop.
//
// The returned [impl.Node] answers State with GetState (a negative term
// reads as 0), so GetState must not wait on the network. Its Stop, like the
// 6.5840 tester's crash, first detaches the Persister (Saves the old
// instance makes later are dropped, so they cannot overwrite what the next
// incarnation reads), then makes the node's ClientEnds fail at once, then
// calls Kill, then stops the drain goroutine and waits for it. Stop is
// idempotent.
//
// The returned [impl.Handler] serves a call to "Svc.Method" by calling the
// exported method Method of the value makeRaft returned, whatever Svc is
// (6.5840 registers only "Raft"). As in labrpc, the method must take two
// arguments, the second a pointer, and return nothing; the first is
// normally a pointer too. Serve converts args to the first parameter's type:
// a *T or a T both serve a method taking *T (a T is passed as a pointer to a
// copy), and a T or a non-nil *T both serve a method taking T. reply must
// have exactly the second parameter's type. An unknown method, a method of
// another shape, or args or reply of another type make Serve log an error
// on env.Logger and return false; Serve never panics for them. A panic
// inside the method itself is neither recovered nor hidden: it propagates
// out of Serve, and the framework records it as the node's panic.
func Node[R Raft](makeRaft func(peers []*ClientEnd, me int, persister *Persister, applyCh chan ApplyMsg) R) impl.NodeFactory {
	return func(env impl.Env) (impl.Node, impl.Handler, error) {
		if makeRaft == nil {
			return nil, nil, fmt.Errorf("labrpc: Node was given a nil make function")
		}
		if env.Transport == nil {
			return nil, nil, fmt.Errorf("labrpc: node %d has no Transport", env.ID)
		}
		if err := checkPeers(env.ID, env.Peers); err != nil {
			return nil, nil, err
		}
		persister, err := NewPersister(env.Storage)
		if err != nil {
			return nil, nil, fmt.Errorf("labrpc: node %d: %w", env.ID, err)
		}
		logger := env.Logger
		if logger == nil {
			logger = hclog.NewNullLogger()
		}

		n := &node{persister: persister, logger: logger, done: make(chan struct{}), drained: make(chan struct{})}
		peers := make([]*ClientEnd, len(env.Peers))
		for i := range peers {
			peers[i] = &ClientEnd{peer: i, transport: env.Transport, stopped: &n.stopped}
		}
		// The buffer holds what make sends before the drain starts; starting
		// the drain only after make returns leaves no goroutine of ours
		// behind if make panics.
		applyCh := make(chan ApplyMsg, applyChCap)
		rf := makeRaft(peers, env.ID, persister, applyCh)
		if isNil(rf) {
			persister.detach()
			n.stopped.Store(true)
			return nil, nil, fmt.Errorf("labrpc: node %d: make returned nil", env.ID)
		}
		n.rf = rf
		go n.drain(applyCh)
		return n, newHandler(rf, logger), nil
	}
}

func checkPeers(id int, peers []int) error {
	sorted := slices.Sorted(slices.Values(peers))
	for i, p := range sorted {
		if p != i {
			return fmt.Errorf("labrpc: 6.5840 code indexes peers by position, so Env.Peers must be 0..n-1; got %v", peers)
		}
	}
	if id < 0 || id >= len(peers) {
		return fmt.Errorf("labrpc: node id %d is not among Env.Peers %v", id, peers)
	}
	return nil
}

func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		return rv.IsNil()
	}
	return false
}

// node is the impl.Node the factory returns.
type node struct {
	rf        Raft
	persister *Persister
	logger    hclog.Logger
	stopped   atomic.Bool   // read by the node's ClientEnds
	once      sync.Once     // Stop is idempotent
	done      chan struct{} // closed by Stop: the drain goroutine exits
	drained   chan struct{} // closed by the drain goroutine on exit
}

func (n *node) State() (uint64, bool) {
	term, isLeader := n.rf.GetState()
	if term < 0 {
		term = 0
	}
	return uint64(term), isLeader
}

func (n *node) Stop() {
	n.once.Do(func() {
		n.persister.detach()
		n.stopped.Store(true)
		n.rf.Kill()
		close(n.done)
		<-n.drained
	})
}

func (n *node) drain(ch chan ApplyMsg) {
	defer close(n.drained)
	for {
		select {
		case <-n.done:
			return
		case m := <-ch:
			n.logger.Trace("labrpc: applyCh message discarded (ballot tests the election only)",
				"command_valid", m.CommandValid, "command_index", m.CommandIndex,
				"snapshot_valid", m.SnapshotValid, "snapshot_index", m.SnapshotIndex)
		}
	}
}

// rpcMethod is one method of the Raft value, with the verdict on its shape.
type rpcMethod struct {
	fn    reflect.Value // the method value, receiver bound
	args  reflect.Type  // first parameter
	reply reflect.Type  // second parameter
	bad   string        // why it cannot serve RPCs, or ""
}

// handler is the impl.Handler the factory returns.
type handler struct {
	rcvr    string // the receiver's type, for messages
	methods map[string]*rpcMethod
	valid   []string // names of the methods with the labrpc shape
	logger  hclog.Logger
}

func newHandler(rf any, logger hclog.Logger) *handler {
	v := reflect.ValueOf(rf)
	t := v.Type()
	h := &handler{rcvr: t.String(), methods: map[string]*rpcMethod{}, logger: logger}
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i) // exported methods only
		fn := v.Method(i)
		mt := fn.Type() // receiver not included
		rm := &rpcMethod{fn: fn}
		switch {
		case mt.NumIn() != 2 || mt.NumOut() != 0:
			rm.bad = fmt.Sprintf("has type %v; an RPC handler takes two pointer arguments (args, reply) and returns nothing", mt)
		case mt.In(1).Kind() != reflect.Pointer:
			rm.bad = fmt.Sprintf("has type %v; its second argument, the reply, must be a pointer", mt)
		default:
			rm.args, rm.reply = mt.In(0), mt.In(1)
			h.valid = append(h.valid, m.Name)
		}
		h.methods[m.Name] = rm
	}
	return h
}

// Serve implements impl.Handler. It never panics on a bad call, but a panic
// inside the RPC method itself propagates, and the framework records it.
func (h *handler) Serve(method string, args, reply any) bool {
	name := method
	if dot := strings.LastIndex(method, "."); dot >= 0 {
		name = method[dot+1:]
	}
	m, ok := h.methods[name]
	if !ok {
		h.logger.Error(fmt.Sprintf("labrpc: unknown method %q: %s has no exported method %s; RPC handlers: %s",
			method, h.rcvr, name, strings.Join(h.valid, ", ")))
		return false
	}
	if m.bad != "" {
		h.logger.Error(fmt.Sprintf("labrpc: cannot serve %q: %s.%s %s", method, h.rcvr, name, m.bad))
		return false
	}
	av, err := convertArgs(args, m.args)
	if err != nil {
		h.logger.Error(fmt.Sprintf("labrpc: cannot serve %q: %v", method, err))
		return false
	}
	rv := reflect.ValueOf(reply)
	if !rv.IsValid() || rv.Type() != m.reply || rv.IsNil() {
		h.logger.Error(fmt.Sprintf("labrpc: cannot serve %q: reply is %T; %s.%s takes a non-nil %v",
			method, reply, h.rcvr, name, m.reply))
		return false
	}
	m.fn.Call([]reflect.Value{av, rv})
	return true
}

// convertArgs turns the args the framework delivers into the handler's
// first parameter type: a *T or a T for a handler taking *T (a T is passed
// as a pointer to a copy), a T or a non-nil *T for a handler taking T (as
// labrpc allows: only the reply must be a pointer).
func convertArgs(args any, want reflect.Type) (reflect.Value, error) {
	av := reflect.ValueOf(args)
	if !av.IsValid() {
		return reflect.Value{}, fmt.Errorf("args is nil; the handler takes %v", want)
	}
	at := av.Type()
	switch {
	case at == want:
		if at.Kind() == reflect.Pointer && av.IsNil() {
			return reflect.Value{}, fmt.Errorf("args is a nil %v", at)
		}
		return av, nil
	case want.Kind() == reflect.Pointer && at == want.Elem():
		p := reflect.New(at)
		p.Elem().Set(av)
		return p, nil
	case at.Kind() == reflect.Pointer && at.Elem() == want:
		if av.IsNil() {
			return reflect.Value{}, fmt.Errorf("args is a nil %v", at)
		}
		return av.Elem(), nil
	}
	return reflect.Value{}, fmt.Errorf("args is %v; the handler takes %v", at, want)
}

// HeartbeatBudget is the 6.5840 rule that a leader sends heartbeat RPCs "no
// more than ten times per second". Declare it on the suite's target
// (harness.Target.HeartbeatBudget) to have ballot hold a lab to it.
const HeartbeatBudget = 10

package tcpnode

import (
	"context"
	"fmt"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

// node is the loop around one Machine and what it talks to.
type node struct {
	id     int
	tick   time.Duration
	m      impl.Machine // touched by the loop's goroutine only
	store  *fileStorage // likewise
	links  map[int]*link
	status published
	shown  impl.Status // the status last logged; zero at first, so the first is logged
	log    hclog.Logger
}

func newNode(cfg Config, m impl.Machine, store *fileStorage) *node {
	n := &node{id: cfg.ID, tick: cfg.Tick, m: m, store: store, links: map[int]*link{}, log: cfg.Logger}
	for id, addr := range cfg.Peers {
		n.links[id] = newLink(id, addr, cfg.Logger)
	}
	return n
}

// loop is the only goroutine that calls the Machine: it is not safe for
// concurrent use. It returns nil when ctx ends, or the error that stops the
// node.
func (n *node) loop(ctx context.Context, inbox <-chan impl.Message) error {
	ticker := time.NewTicker(n.tick)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
			n.m.Tick()
		case msg := <-inbox:
			n.m.Step(msg)
		}
		if err := n.settle(); err != nil {
			return err
		}
	}
}

// settle follows every Tick and Step, in Raft's order: persist, then show
// the status, then speak. A message can then never carry a term or vote
// that a crash would take back, nor can /state show one.
func (n *node) settle() error {
	if err := n.store.flush(); err != nil {
		return err
	}
	n.publish(n.m.Status())
	for _, m := range n.m.Ready() {
		n.send(m)
	}
	return nil
}

func (n *node) publish(st impl.Status) {
	n.status.set(st)
	if st != n.shown {
		n.log.Info("status", "term", st.Term, "role", st.Role.String(), "leader", st.Leader, "vote", st.VotedFor)
		n.shown = st
	}
}

// send hands m to the link of its peer. From is stamped with this node's
// id, whatever the Machine wrote, as the simulator does.
func (n *node) send(m impl.Message) {
	m.From = n.id
	l, ok := n.links[m.To]
	if !ok {
		n.log.Warn("the machine sent to a node that is not a peer: dropped", "message", m.String())
		return
	}
	l.offer(m)
}

// accept says whether an inbound message is for this node from a peer; it
// runs on the readers' goroutines and reads only what never changes.
func (n *node) accept(m impl.Message) error {
	if m.To != n.id {
		return fmt.Errorf("for node %d, not this one (%d)", m.To, n.id)
	}
	if _, ok := n.links[m.From]; !ok {
		return fmt.Errorf("from node %d, which is not a peer", m.From)
	}
	return nil
}

// peerAddrs is where each peer is dialled, for the log.
func (n *node) peerAddrs() map[int]string {
	addrs := map[int]string{}
	for id, l := range n.links {
		addrs[id] = l.addr
	}
	return addrs
}

package tcpnode

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"sync"

	"github.com/ballot-go/ballot/impl"
)

// Run runs the node until ctx ends, and then returns nil once every
// listener, connection and goroutine of the node is gone. It returns an
// error if the node cannot start (an invalid Config, an address in use, a
// data directory it cannot read) or cannot go on (the hard state cannot be
// saved, /state cannot be served).
func Run(ctx context.Context, cfg Config) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	cfg, err := cfg.withDefaults()
	if err != nil {
		return err
	}
	store, err := openStorage(cfg.DataDir)
	if err != nil {
		return err
	}
	m, err := cfg.Machine(impl.MachineConfig{
		ID:      cfg.ID,
		Peers:   cfg.members(),
		Storage: store,
		Rand:    rand.New(rand.NewPCG(cfg.Seed, uint64(cfg.ID))),
		Logger:  cfg.Logger,
	})
	if err != nil {
		return fmt.Errorf("tcpnode: node %d: building the machine: %w", cfg.ID, err)
	}
	peerLn, stateLn, err := listenBoth(cfg)
	if err != nil {
		return err
	}
	return newNode(cfg, m, store).run(ctx, peerLn, stateLn)
}

// listenBoth opens the peer and /state listeners before anything starts,
// so that an address in use is an error from Run, not a log line.
func listenBoth(cfg Config) (peers, state net.Listener, err error) {
	peers, err = listen(cfg.ID, cfg.Listen, "peers")
	if err != nil {
		return nil, nil, err
	}
	state, err = listen(cfg.ID, cfg.State, "/state")
	if err != nil {
		peers.Close()
		return nil, nil, err
	}
	return peers, state, nil
}

func listen(id int, addr, what string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		var op *net.OpError
		if errors.As(err, &op) {
			err = op.Err // "bind: address already in use": the address is said once, below
		}
		return nil, fmt.Errorf("tcpnode: node %d: cannot listen for %s on %s: %w", id, what, addr, err)
	}
	return ln, nil
}

// run serves until ctx ends or a part of the node fails, then takes
// everything down and waits for it.
func (n *node) run(ctx context.Context, peerLn, stateLn net.Listener) error {
	runCtx, fail := context.WithCancelCause(ctx)
	defer fail(nil)
	n.log.Info("running", "listen", peerLn.Addr().String(), "state", "http://"+stateLn.Addr().String()+"/state", "data", n.store.dir, "peers", fmt.Sprint(n.peerAddrs()))
	if err := n.settle(); err != nil { // the factory may have set the hard state
		peerLn.Close()
		stateLn.Close()
		return err
	}
	in := newInbound(peerLn, n.accept, n.log)
	state := serveState(stateLn, &n.status, n.log, fail)
	var links sync.WaitGroup
	for _, l := range n.links {
		links.Go(func() { l.run(runCtx) })
	}
	err := n.loop(runCtx, in.inbox)
	if err == nil && ctx.Err() == nil {
		err = context.Cause(runCtx) // serving /state failed
	}
	fail(err)
	in.close()
	state.close()
	links.Wait()
	n.log.Info("stopped", "error", err)
	return err
}

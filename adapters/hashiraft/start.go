package hashiraft

import (
	"fmt"
	"slices"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"

	"github.com/ballot-go/ballot/impl"
)

// Factory validates c once and returns the factory of nodes that run it.
func (c Config) Factory() (impl.NodeFactory, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return func(env impl.Env) (impl.Node, impl.Handler, error) { return start(c, env) }, nil
}

// start builds one incarnation of node env.ID: its store over
// env.Storage, its transport over env.Transport, and a raft.Raft on them.
// On the node's first start it bootstraps the cluster (every peer a
// voter); a restarted node finds its term, vote and log in its storage.
func start(c Config, env impl.Env) (impl.Node, impl.Handler, error) {
	if err := checkEnv(env); err != nil {
		return nil, nil, err
	}
	logger := env.Logger
	if logger == nil {
		logger = hclog.NewNullLogger()
	}
	st, err := openStore(env.Storage)
	if err != nil {
		return nil, nil, err
	}
	trans := newTransport(env.Transport, env.ID, c.RPCTimeout)
	r, err := newRaft(c.raftConfig(env.ID, logger), st, trans, env.Peers)
	if err != nil {
		st.detach()
		trans.Close()
		return nil, nil, fmt.Errorf("hashiraft: node %d: %w", env.ID, err)
	}
	return &node{raft: r, trans: trans, store: st, log: logger}, &handler{trans: trans, store: st, log: logger}, nil
}

func checkEnv(env impl.Env) error {
	switch {
	case env.Transport == nil:
		return fmt.Errorf("hashiraft: node %d has no Transport", env.ID)
	case env.Storage == nil:
		return fmt.Errorf("hashiraft: node %d has no Storage", env.ID)
	case !slices.Contains(env.Peers, env.ID):
		return fmt.Errorf("hashiraft: node %d is not among its peers %v", env.ID, env.Peers)
	}
	return nil
}

// newRaft bootstraps the cluster if the store holds nothing yet, then
// starts the library. Snapshots are discarded: the state machine is empty.
func newRaft(conf *raft.Config, st *store, trans *transport, peers []int) (*raft.Raft, error) {
	snaps := raft.NewDiscardSnapshotStore()
	existing, err := raft.HasExistingState(st, st, snaps)
	if err != nil {
		return nil, err
	}
	if !existing {
		if err := raft.BootstrapCluster(conf, st, st, snaps, trans, configuration(peers)); err != nil {
			return nil, fmt.Errorf("bootstrap: %w", err)
		}
	}
	return raft.NewRaft(conf, discardFSM{}, st, st, snaps, trans)
}

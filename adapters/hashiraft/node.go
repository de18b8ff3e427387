package hashiraft

import (
	"sync"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"
)

// stateReads bounds how often State reads the term again when it moved
// while the role was read.
const stateReads = 8

// roleAndTerm is what State reads of a raft.Raft.
type roleAndTerm interface {
	CurrentTerm() uint64
	State() raft.RaftState
}

// node is one incarnation of a ballot node: a raft.Raft and what it runs on.
type node struct {
	raft  *raft.Raft
	trans *transport
	store *store
	log   hclog.Logger
	once  sync.Once
}

// State implements impl.Node. The library keeps the term and the role in
// two atomics, set one after the other, so a read of one then the other
// can pair a new role with an old term: a candidate that has just won
// term t+1 would read as leading term t, a term someone else leads. The
// term is read before and after the role; the term only grows, so if both
// reads agree the role was held in that term. If the term keeps moving,
// State claims no leadership.
func (n *node) State() (uint64, bool) { return consistentState(n.raft) }

func consistentState(r roleAndTerm) (uint64, bool) {
	term := r.CurrentTerm()
	for range stateReads {
		leader := r.State() == raft.Leader
		again := r.CurrentTerm()
		if again == term {
			return term, leader
		}
		term = again
	}
	return term, false
}

// Stop implements impl.Node: the storage first stops taking writes (what
// a crash would have kept is what the next incarnation reads), then the
// calls this node serves are released, then the library shuts down and
// waits for every goroutine it started. Idempotent.
func (n *node) Stop() {
	n.once.Do(func() {
		n.store.detach()
		n.trans.Close()
		if err := n.raft.Shutdown().Error(); err != nil {
			n.log.Warn("shutdown", "error", err)
		}
	})
}

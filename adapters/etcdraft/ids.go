package etcdraft

import (
	"fmt"

	"github.com/ballot-go/ballot/impl"
	"go.etcd.io/raft/v3"
)

// The library reserves raft id 0 for "none" (raft.None), where ballot
// uses impl.None (-1) and numbers nodes from 0; so a node's raft id is its
// ballot id plus one, and the two "none"s map onto each other.

func raftID(node int) uint64 { return uint64(node) + 1 }

func nodeID(id uint64) int {
	if id == raft.None {
		return impl.None
	}
	return int(id - 1)
}

// checkPeers checks that ids can be mapped: every peer is a non-negative,
// distinct id small enough to stay clear of the library's reserved ids at
// the top of uint64, and self is one of them.
func checkPeers(self int, peers []int) error {
	seen := make(map[int]bool, len(peers))
	for _, p := range peers {
		switch {
		case p < 0 || p >= maxNode:
			return fmt.Errorf("etcdraft: peer id %d in Peers %v must be in [0, %d)", p, peers, maxNode)
		case seen[p]:
			return fmt.Errorf("etcdraft: duplicate peer %d in Peers %v", p, peers)
		}
		seen[p] = true
	}
	if !seen[self] {
		return fmt.Errorf("etcdraft: ID %d is not in Peers %v", self, peers)
	}
	return nil
}

// maxNode keeps raftID clear of raft.LocalAppendThread and
// raft.LocalApplyThread, and nodeID inside an int on every platform.
const maxNode = 1 << 30

package hashiraft

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/raft"
)

// addressPrefix starts every node's raft.ServerAddress. The address is
// never dialled: it only names a ballot node, so that a transport call, a
// candidate's address in a vote (the StableStore keeps it as LastVoteCand)
// and a leader's address all lead back to the node's ballot id.
const addressPrefix = "node-"

// serverID is node id's raft.ServerID: its ballot id in decimal.
func serverID(id int) raft.ServerID { return raft.ServerID(strconv.Itoa(id)) }

// serverAddress is node id's raft.ServerAddress.
func serverAddress(id int) raft.ServerAddress {
	return raft.ServerAddress(addressPrefix + strconv.Itoa(id))
}

// nodeOf is the ballot id an address names.
func nodeOf(addr raft.ServerAddress) (int, error) {
	digits, ok := strings.CutPrefix(string(addr), addressPrefix)
	if !ok {
		return 0, fmt.Errorf("hashiraft: address %q does not name a ballot node (want %s<id>)", addr, addressPrefix)
	}
	id, err := strconv.Atoi(digits)
	if err != nil || id < 0 {
		return 0, fmt.Errorf("hashiraft: address %q does not name a ballot node (want %s<id>)", addr, addressPrefix)
	}
	return id, nil
}

// configuration lists every peer as a voter: the cluster that
// BootstrapCluster writes into each node's first log entry.
func configuration(peers []int) raft.Configuration {
	servers := make([]raft.Server, len(peers))
	for i, p := range peers {
		servers[i] = raft.Server{Suffrage: raft.Voter, ID: serverID(p), Address: serverAddress(p)}
	}
	return raft.Configuration{Servers: servers}
}

// addressOf decodes an address the transport encoded (EncodePeer).
func addressOf(b []byte) raft.ServerAddress { return raft.ServerAddress(b) }

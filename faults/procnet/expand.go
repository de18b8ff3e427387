package procnet

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Placeholders a node's command may hold. Each is replaced in place; an
// argument that is exactly {peers} becomes "--peer", "J=ADDR" for each
// peer J, as chaos node takes them.
const (
	PlaceholderID        = "{id}"
	PlaceholderListen    = "{listen}"
	PlaceholderState     = "{state}"
	PlaceholderData      = "{data}"
	PlaceholderPeers     = "{peers}"     // --peer J=ADDR per peer
	PlaceholderPeerList  = "{peer-list}" // J=ADDR,K=ADDR in one argument
	PlaceholderAdvertise = "{advertise}" // the address the other nodes dial for this one, in per-member mode
)

// Addresses are what ballot fills in for one node: its own and, per peer,
// the address of the proxy of the link to that peer.
type Addresses struct {
	ID     int
	Listen string
	State  string
	Data   string
	Peers  map[int]string
	// Advertise is where the other nodes reach this one: its proxy in
	// per-member mode, its listen address otherwise.
	Advertise string
}

// Expand fills the placeholders of argv.
func Expand(argv []string, a Addresses) []string {
	var out []string
	for _, arg := range argv {
		if arg == PlaceholderPeers {
			for _, j := range a.peerIDs() {
				out = append(out, "--peer", fmt.Sprintf("%d=%s", j, a.Peers[j]))
			}
			continue
		}
		out = append(out, a.replacer().Replace(arg))
	}
	return out
}

// Env is the same, as environment variables for commands that read them.
func (a Addresses) Env() []string {
	return []string{
		"BALLOT_ID=" + strconv.Itoa(a.ID), "BALLOT_LISTEN=" + a.Listen, "BALLOT_STATE=" + a.State,
		"BALLOT_DATA=" + a.Data, "BALLOT_PEERS=" + a.peerList(), "BALLOT_ADVERTISE=" + a.Advertise,
	}
}

func (a Addresses) replacer() *strings.Replacer {
	return strings.NewReplacer(PlaceholderID, strconv.Itoa(a.ID), PlaceholderListen, a.Listen,
		PlaceholderState, a.State, PlaceholderData, a.Data, PlaceholderPeerList, a.peerList(), PlaceholderAdvertise, a.Advertise)
}

func (a Addresses) peerList() string {
	var parts []string
	for _, j := range a.peerIDs() {
		parts = append(parts, fmt.Sprintf("%d=%s", j, a.Peers[j]))
	}
	return strings.Join(parts, ",")
}

func (a Addresses) peerIDs() []int {
	ids := make([]int, 0, len(a.Peers))
	for j := range a.Peers {
		ids = append(ids, j)
	}
	slices.Sort(ids)
	return ids
}

// Package procnet is the process network: a cluster of real processes on
// loopback, each ordered link i->j behind a proxy of its own
// (faults/proxy), driven in wall time. It implements faults.Network, so the
// harness runs the same faults, records the same history and applies the
// same checkers as for the simulator and the RPC network.
//
// The process contract. A node is any process that
//
//   - serves GET /state at its state address, answering JSON
//     {"id":0,"term":3,"role":"leader","leader":0,"vote":0} (role is one of
//     follower, precandidate, candidate, leader; leader and vote are -1 for
//     none; vote may be left out);
//   - reaches each peer J only at the address ballot gives it for J, and
//     sends everything for J, replies included, on connections it dials
//     itself: ballot's proxy for the link to J is there, so that it can cut
//     that link and no other;
//   - listens for its peers at its listen address.
//
// ballot fills the placeholders of a node's command: {id}, {listen},
// {state}, {data} (its directory, kept across restarts), {peers} (the
// arguments --peer J=ADDR for each peer, as `chaos node` takes them) and
// {peer-list} (J=ADDR,K=ADDR in one argument); the same values are in the
// environment as BALLOT_ID, BALLOT_LISTEN, BALLOT_STATE, BALLOT_DATA and
// BALLOT_PEERS.
//
// Faults: Crash is SIGKILL to the node's process group, Restart runs its
// command again in the same directory, Pause and Resume are SIGSTOP and
// SIGCONT (Capabilities: PauseFreezes), a grudge cuts links at their
// proxies (live connections closed, new ones refused), and a link rule may
// delay or cut whole links; dropping, duplicating or picking messages by
// kind needs a network that sees messages, and is ErrUnsupported here. A
// node whose process exits on its own is recorded down and reported like a
// panic; one that does not answer a poll in time keeps its last status
// (unknown is not a follower), and an IncidentSilent, a note on the
// timeline, says when it fell silent; one that answers /state with anything but the contract's JSON is
// reported by NoStuck, naming it. Every child runs in a process group of
// its own and is killed if ballot dies.
//
//	net, err := procnet.New(procnet.Config{
//		Nodes: []procnet.NodeSpec{{ID: 0, Command: argv}, {ID: 1, Command: argv}, {ID: 2, Command: argv}},
//		Dir:   dir,
//	})
package procnet

// Package tcpnode runs an [impl.Machine] as a real process member of a
// cluster: peers talk over plain TCP, the node's beliefs are served over
// HTTP, and term and vote survive a restart in a data directory. It is the
// model for a node that ballot drives as a process, written to be copied
// into other languages; everything a reimplementation must match is below.
//
// # The contract with ballot
//
// A node (1) serves GET /state over HTTP, answering with one JSON object,
//
//	{"id":0,"term":3,"role":"leader","leader":0,"vote":0}
//
// where role is "follower", "precandidate" (with pre-vote), "candidate" or
// "leader", and leader and vote are -1 for none ("vote" is optional for
// other implementations); and (2) reaches peer j only at the address it was
// given for j. ballot puts a fault proxy at that address, one per ordered
// link, so node i sends everything meant for j, replies included, over a
// connection i dialled itself to j's address. A node never sends a
// message on a connection that a peer dialled to it: it would bypass the
// proxy of the link it belongs to. It only acks there (see Connections).
//
// # Wire format
//
// One message per line: a JSON object and a newline ("\n"; a "\r" before
// it is tolerated), over plain TCP. A heartbeat from 0 to 1 in term 3:
//
//	{"from":0,"to":1,"term":3,"kind":"heartbeat","granted":false,"entries":0}
//
// The fields, in any order:
//
//   - from, to: node ids, integers from 0. Required.
//   - term: the sender's term, an unsigned integer; on pre-vote kinds, the
//     term the pre-candidate would campaign in (see [impl.Message]).
//     Required.
//   - kind: one of "vote-request", "vote-reply", "heartbeat",
//     "heartbeat-reply", "prevote-request", "prevote-reply", "other" (the
//     names of [impl.Kind]). Required.
//   - granted: on vote-reply and prevote-reply, whether the vote was
//     given. Optional, false when absent.
//   - entries: on heartbeat, how many log entries the AppendEntries
//     carries; 0 for a heartbeat proper. Optional, 0 when absent.
//
// Other fields are ignored, so a format may grow. [impl.Message.Body] is
// not carried: the reference election decides from the envelope alone.
//
// Connections: a node dials each peer once, at start, and keeps the
// connection; when it breaks (a write fails or the peer closes it), the
// node dials again after a wait that starts at 10 ms and doubles up to
// 500 ms while dials fail. A message that cannot be sent now is dropped,
// as a lossy network would:
// while a link is down, and when its short queue (64 messages) is full.
// The election tolerates loss; an unbounded queue would deliver stale
// traffic long after it meant anything.
//
// Acks: a receiver writes a single "\n" back for every line it reads, on
// the connection the line came on (giving up on a connection whose ack
// write blocks for 100 ms). A sender reads what comes back and uses it for
// one thing: a connection that has acked before, and on which a line has
// now waited 2 s for an ack, is dead (half-open: a middlebox forgot it,
// and writes still succeed), so the sender closes it and dials again.
// Without acks such a link would stay silent forever while it looks
// connected. A node that never acks is never judged so; one that ignores
// acks loses nothing but that check.
//
// Inbound: the node accepts any number of connections on its listen
// address and reads lines from each. A line that is not a well-formed
// message (not JSON, a missing field, an unknown kind, a negative id, a
// "to" that is not this node, a "from" that is not a peer, longer than
// 4096 bytes) is logged and skipped; the connection stays open. Empty
// lines are skipped silently. Well-formed messages go to a bounded inbox
// (256), and are dropped when it is full.
//
// # The loop
//
// One goroutine owns the Machine, which is not safe for concurrent use: it
// selects over a ticker (every Config.Tick, 10 ms by default), the inbox
// and the context. After each Tick or Step it persists the hard state,
// then publishes the status for /state, then sends what Ready returns:
// Raft's rule, persist before you speak, and /state never shows a vote
// that a crash could take back.
//
// # The data directory
//
// Term and vote live in DataDir/hardstate.json, {"term":3,"vote":0}, with
// -1 for no vote. It is replaced atomically: a temporary file in the same
// directory, fsync, rename, fsync of the directory. A file that cannot be
// read as a hard state stops the node at start rather than let it forget a
// vote. One node at a time per directory: nothing locks it.
//
// # Running it
//
// [Run] runs one node until its context ends:
//
//	err := tcpnode.Run(ctx, tcpnode.Config{
//		ID:      0,
//		Listen:  "127.0.0.1:7000",
//		State:   "127.0.0.1:8000",
//		Peers:   map[int]string{1: "127.0.0.1:7101", 2: "127.0.0.1:7102"},
//		DataDir: "/var/lib/node0",
//	})
//
// From a terminal, chaos node does the same with flags.
package tcpnode

// Package proxy partitions real processes: a [Link] is a TCP proxy for one
// ordered link i->j, which forwards what node i dials to node j's listen
// address under an [Effect] that can be changed at any time.
//
// Why one proxy per ordered link, and not one per member: a proxy in front
// of node j alone cannot tell i's connections from k's, and peers such as
// etcd's reuse a connection dialled from the other side, so cutting "j"
// cuts some links both ways and leaves others open. ballot gives node i,
// for each peer j, the address of the link i->j; every link knows its
// sender, and cutting i->j touches that link only. A symmetric partition
// of i and j sets both i->j and j->i.
//
// Where a system cannot be given an address per link, because it
// advertises one peer address per member that every peer dials (etcd), a
// [Member] stands before each member instead: it tells its callers apart by
// the process that dialled each connection ([SocketOwner], on the same
// host), and forwards each sender's connections through a Link of that
// sender's own, under the effect set with [Member.SetFrom].
//
// Effects: [Effect.Cut] closes live connections and refuses new ones;
// [Effect.Stall] holds every byte until healed; [Effect.Reset] resets live
// connections; [Effect.HalfOpen] silently kills live connections while new
// ones work; [Effect.Delay], [Effect.Jitter] and [Effect.BytesPerSecond]
// shape every chunk. The zero Effect is a clean link, on a fast path that
// copies with a pooled 64 KiB buffer and pays two atomic loads per chunk
// for the effects (see pipe for why not splice, and how a live connection
// switches paths without reordering a byte).
//
// Determinism: jitter is the only random choice, drawn from the seed given
// to [ListenSeeded]. A run gives each of its links its own seed, derived
// from the run's.
//
// Never hanging: every goroutine of a link ends at [Link.Close], which
// closes every connection and returns once they have, stalled and delayed
// ones included. Nothing waits without also waiting for Close.
//
//	link, err := proxy.ListenSeeded("127.0.0.1:0", nodeJ, seed)
//	if err != nil {
//		return err
//	}
//	defer link.Close()
//	startNode(i, peers{j: link.Addr()})
//	link.Set(proxy.Effect{Cut: true}) // i can no longer reach j
//	link.Set(proxy.Effect{})          // healed
package proxy

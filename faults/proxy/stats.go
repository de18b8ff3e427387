package proxy

import "sync/atomic"

// Stats counts what a link did since it started. Bytes count once written
// to the receiving socket, so a count may trail what the receiver has
// already read by one chunk; after Close the counts are final.
type Stats struct {
	Accepted   int64 // connections accepted on Addr, refused ones included
	Refused    int64 // connections closed at once because the link was cut
	Failed     int64 // connections closed at once because the target could not be dialled
	Live       int   // connections open now
	ToTarget   int64 // bytes delivered to the target
	FromTarget int64 // bytes delivered back to the sender
}

type counters struct {
	accepted, refused, failed atomic.Int64
	toTarget, fromTarget      atomic.Int64
}

// Stats counts connections and the bytes delivered each way.
func (l *Link) Stats() Stats {
	return Stats{
		Accepted:   l.stats.accepted.Load(),
		Refused:    l.stats.refused.Load(),
		Failed:     l.stats.failed.Load(),
		Live:       l.live(),
		ToTarget:   l.stats.toTarget.Load(),
		FromTarget: l.stats.fromTarget.Load(),
	}
}

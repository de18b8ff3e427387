package proxy

import "time"

// piecesPerSecond splits a capped direction's chunks into pieces of about
// 1/50 s each, so that a low cap trickles instead of sending a whole chunk
// and then going silent.
const piecesPerSecond = 50

// pacer spaces writes so that a direction carries at most rate bytes a
// second: each piece moves next, the earliest start of the following one,
// by its length over the rate. An idle direction earns no credit beyond
// one piece.
type pacer struct{ next time.Time }

// take returns the piece of data to write at now, all of it when rate is
// 0, and charges it. The writer waits for next before it calls take.
func (pc *pacer) take(data []byte, rate int, now time.Time) []byte {
	if rate <= 0 {
		pc.next = time.Time{}
		return data
	}
	piece := data[:min(len(data), max(rate/piecesPerSecond, 1))]
	pc.next = later(pc.next, now).Add(time.Duration(int64(len(piece)) * int64(time.Second) / int64(rate)))
	return piece
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

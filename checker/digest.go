package checker

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"math"
)

// Digest is a fingerprint of h: the SHA-256 of every field of every event
// that history.jsonl keeps. Two runs that recorded the same history have
// the same digest, so a replay is compared with the run it replays by one
// string. It is several times cheaper than hashing the JSON, which matters
// over a sweep of thousands of runs.
func Digest(h History) string {
	d := digester{h: sha256.New(), buf: make([]byte, 0, 2*flushAt)}
	d.ints(int64(h.Nodes), int64(h.Seed), int64(len(h.Events)))
	for _, e := range h.Events {
		d.event(e)
		if len(d.buf) >= flushAt {
			d.flush()
		}
	}
	d.flush()
	return hex.EncodeToString(d.h.Sum(nil))
}

// flushAt is how much the digester buffers before it hashes: one Write per
// field would cost more than the hashing.
const flushAt = 32 << 10

func (d *digester) flush() {
	d.h.Write(d.buf)
	d.buf = d.buf[:0]
}

type digester struct {
	h   hash.Hash
	buf []byte
}

func (d *digester) event(e Event) {
	s, m := e.Status, e.Msg
	d.ints(int64(e.At), int64(e.Type), int64(e.Node),
		int64(s.ID), int64(s.Term), int64(s.Role), int64(s.Leader), int64(s.VotedFor),
		int64(m.From), int64(m.To), int64(m.Term), int64(m.Kind), boolInt(m.Granted), int64(m.Entries))
	d.str(e.Detail)
	d.net(e.Net)
}

func (d *digester) net(n *Net) {
	if n == nil {
		d.ints(-1)
		return
	}
	d.ints(boolInt(n.Faulty), int64(len(n.Live)))
	d.bools(n.Live)
	for _, row := range n.Cut {
		d.bools(row)
	}
	d.ints(int64(len(n.Lossy)))
	for _, row := range n.Lossy {
		d.bools(row)
	}
	d.ints(int64(len(n.Rate)))
	for _, r := range n.Rate {
		d.ints(int64(math.Float64bits(r)))
	}
}

func (d *digester) ints(vs ...int64) {
	for _, v := range vs {
		d.buf = binary.AppendVarint(d.buf, v)
	}
}

func (d *digester) bools(bs []bool) {
	for _, b := range bs {
		d.buf = append(d.buf, byte(boolInt(b)))
	}
	d.buf = append(d.buf, 2) // ends the row
}

func (d *digester) str(s string) {
	d.ints(int64(len(s)))
	d.buf = append(d.buf, s...)
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

package report

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/ballot-go/ballot/checker"
)

// Message flags, as the script knows them.
const (
	msgGranted  = 1 << iota // a granted vote or pre-vote
	msgDropped              // the network lost it; end is when
	msgInFlight             // neither delivered nor dropped by the end of the history
	msgNoSend               // delivered or dropped with no Send left to match: a duplicate
)

// msg is one message on the wire, from its Send to its Deliver or Drop.
type msg struct {
	send, end int64 // end is the delivery or drop time, or send when in flight
	from, to  int
	kind      int
	term      uint64
	flags     int
	reason    int // index into the reasons table, for dropped messages
}

// msgList encodes as columns, {"s": [send, …], "e": [end, …], "from": …,
// "to": …, "kind": …, "term": …, "flags": …, "reason": …}: the bulk of a
// big page, which the script parses into a few long arrays of numbers
// rather than 50k small ones.
type msgList []msg

func (l msgList) MarshalJSON() ([]byte, error) {
	cols := []struct {
		name string
		get  func(m *msg) int64
	}{
		{"s", func(m *msg) int64 { return m.send }},
		{"e", func(m *msg) int64 { return m.end }},
		{"from", func(m *msg) int64 { return int64(m.from) }},
		{"to", func(m *msg) int64 { return int64(m.to) }},
		{"kind", func(m *msg) int64 { return int64(m.kind) }},
		{"term", func(m *msg) int64 { return int64(m.term) }},
		{"flags", func(m *msg) int64 { return int64(m.flags) }},
		{"reason", func(m *msg) int64 { return int64(m.reason) }},
	}
	b := make([]byte, 0, 64+len(l)*48)
	b = append(b, '{')
	for c, col := range cols {
		if c > 0 {
			b = append(b, ',')
		}
		b = appendString(b, col.name)
		b = append(b, ':', '[')
		for i := range l {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, col.get(&l[i]), 10)
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

// wireKey identifies a message well enough to pair its Send with its fate.
type wireKey struct {
	from, to, kind int
	term           uint64
	granted        bool
	entries        int
}

// messages pairs each Send with the first later Deliver or Drop of an equal
// envelope (first in, first out), which is exact on a network that does not
// reorder equal messages and close enough on one that does. Deliveries
// beyond the sends (duplicates) borrow the last matched send's time.
func messages(events []checker.Event, lanes int) (msgList, []string) {
	var out msgList
	reasons := []string{}
	reasonIdx := map[string]int{}
	pending := map[wireKey][]int{}
	lastSend := map[wireKey]int64{}
	for i := range events {
		e := &events[i]
		if e.Type != checker.Send && e.Type != checker.Deliver && e.Type != checker.Drop {
			continue
		}
		m := e.Msg
		if !onLane(m.From, lanes) || !onLane(m.To, lanes) {
			continue
		}
		k := wireKey{from: m.From, to: m.To, kind: int(m.Kind), term: m.Term, granted: m.Granted, entries: m.Entries}
		at := int64(e.At)
		if e.Type == checker.Send {
			flags := msgInFlight
			if m.Granted {
				flags |= msgGranted
			}
			pending[k] = append(pending[k], len(out))
			out = append(out, msg{send: at, end: at, from: m.From, to: m.To, kind: int(m.Kind), term: m.Term, flags: flags})
			continue
		}
		var p *msg
		if q := pending[k]; len(q) > 0 {
			p, pending[k] = &out[q[0]], q[1:]
			p.flags &^= msgInFlight
			lastSend[k] = p.send
		} else {
			send, ok := lastSend[k]
			if !ok {
				send = at
			}
			flags := msgNoSend
			if m.Granted {
				flags |= msgGranted
			}
			out = append(out, msg{send: send, from: m.From, to: m.To, kind: int(m.Kind), term: m.Term, flags: flags})
			p = &out[len(out)-1]
		}
		p.end = max(at, p.send)
		if e.Type == checker.Drop {
			p.flags |= msgDropped
			why := clip(cmp.Or(e.Detail, "dropped"))
			idx, ok := reasonIdx[why]
			if !ok {
				idx = len(reasons)
				reasons = append(reasons, why)
				reasonIdx[why] = idx
			}
			p.reason = idx
		}
	}
	slices.SortStableFunc(out, func(a, b msg) int { return cmp.Compare(a.send, b.send) })
	return out, reasons
}

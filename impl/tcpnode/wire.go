package tcpnode

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ballot-go/ballot/impl"
)

// wireMessage is one line on the wire (see the package documentation).
type wireMessage struct {
	From    int       `json:"from"`
	To      int       `json:"to"`
	Term    uint64    `json:"term"`
	Kind    impl.Kind `json:"kind"`
	Granted bool      `json:"granted"`
	Entries int       `json:"entries"`
}

// inboundMessage is what decode reads: pointers tell a missing required
// field from a zero one.
type inboundMessage struct {
	From    *int       `json:"from"`
	To      *int       `json:"to"`
	Term    *uint64    `json:"term"`
	Kind    *impl.Kind `json:"kind"`
	Granted bool       `json:"granted"`
	Entries int        `json:"entries"`
}

// encode is m as one line, newline included. The body is left behind.
func encode(m impl.Message) []byte {
	b, err := json.Marshal(wireMessage{From: m.From, To: m.To, Term: m.Term, Kind: m.Kind, Granted: m.Granted, Entries: m.Entries})
	if err != nil {
		// Ints, a bool and a kind that marshals any value: not reachable.
		panic(fmt.Sprintf("tcpnode: encoding %v: %v", m, err))
	}
	return append(b, '\n')
}

// decode reads one line, without its newline, into a message. It checks
// the form only; whether the message is for this node is accept's call.
func decode(line []byte) (impl.Message, error) {
	var w inboundMessage
	if err := json.Unmarshal(line, &w); err != nil {
		return impl.Message{}, err
	}
	switch {
	case w.From == nil || w.To == nil || w.Term == nil || w.Kind == nil:
		return impl.Message{}, errors.New(`"from", "to", "term" and "kind" are required`)
	case *w.From < 0 || *w.To < 0:
		return impl.Message{}, fmt.Errorf("node ids are integers from 0, not %d and %d", *w.From, *w.To)
	case w.Entries < 0:
		return impl.Message{}, fmt.Errorf(`"entries" is %d`, w.Entries)
	}
	return impl.Message{From: *w.From, To: *w.To, Term: *w.Term, Kind: *w.Kind, Granted: w.Granted, Entries: w.Entries}, nil
}

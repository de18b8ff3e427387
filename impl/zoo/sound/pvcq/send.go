package pvcq

import "github.com/ballot-go/ballot/impl"

// The machine decides from the envelope alone, so messages carry no body.

// broadcast queues one message of kind in term to every other member.
func (e *election) broadcast(kind impl.Kind, term uint64) {
	for _, p := range e.others {
		e.outbox = append(e.outbox, impl.Message{From: e.id, To: p, Term: term, Kind: kind})
	}
}

// reply queues the answer to m.
func (e *election) reply(m impl.Message, kind impl.Kind, term uint64, granted bool) {
	e.outbox = append(e.outbox, impl.Message{From: e.id, To: m.From, Term: term, Kind: kind, Granted: granted})
}

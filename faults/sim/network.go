package sim

import "github.com/ballot-go/ballot/impl"

// send puts what node from emitted on the wire. From is stamped with the
// sender's id, so a machine cannot send on a link it is not on. Order of
// random draws per message, for reproducibility: each matching rule's drop
// then duplicate draw, in rule order; then per copy, the latency sample and
// each matching rule's delay sample.
func (s *Sim) send(from int, out []impl.Message) {
	for _, m := range out {
		m.From = from
		s.stats.Sent++
		s.trace(Sent, m, "")
		switch {
		case m.To < 0 || m.To >= s.n:
			s.drop(m, WhyNoSuchTo)
		case s.links.Cut(from, m.To):
			s.drop(m, WhyCut)
		default:
			s.transmit(m)
		}
	}
}

// transmit draws m's fate under the link rules (faults.LinkState.Copies)
// and queues the surviving copies.
func (s *Sim) transmit(m impl.Message) {
	copies := s.links.Copies(m, s.netRand)
	if copies == 0 {
		s.drop(m, WhyRule)
		return
	}
	s.stats.Duplicated += uint64(copies - 1)
	for range copies {
		s.seq++
		s.queue.push(envelope{at: s.now + s.links.CopyDelay(m, s.cfg.Latency, s.netRand), seq: s.seq, msg: m})
	}
}

// deliver hands an arrived message to its receiver, or queues or drops it.
func (s *Sim) deliver(m impl.Message) {
	nd := &s.nodes[m.To]
	switch {
	case nd.crashed:
		s.drop(m, WhyCrashed)
	case nd.paused:
		nd.inbox = append(nd.inbox, m)
	default:
		s.stats.Delivered++
		s.trace(Delivered, m, "")
		s.stepNode(m.To, m)
		s.afterStep(m.To)
	}
}

func (s *Sim) drop(m impl.Message, why string) {
	s.stats.Dropped++
	s.trace(Dropped, m, why)
}

func (s *Sim) trace(ev MessageEvent, m impl.Message, why string) {
	if s.tracer != nil {
		s.tracer.Message(s.now, ev, m, why)
	}
}

// dropCutInFlight drops the queued messages on links that are now cut.
// Messages already waiting at a paused node have arrived and stay.
func (s *Sim) dropCutInFlight() {
	if !s.links.AnyCut() {
		return
	}
	for _, e := range s.queue.removeIf(func(m *impl.Message) bool { return s.links.Cut(m.From, m.To) }) {
		s.drop(e.msg, WhyCut)
	}
}

func (s *Sim) valid(n int) bool { return n >= 0 && n < s.n }

package procnet

import (
	"errors"
	"fmt"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// poll reads node i's /state every Config.Poll while it runs, and reports
// each change. A node that does not answer in time keeps its last status
// (it is not taken for a follower); one that answers garbage is a finding,
// once per life.
func (n *Network) poll(i int) {
	t := time.NewTicker(n.cfg.Poll)
	defer t.Stop()
	for {
		select {
		case <-n.ctx.Done():
			return
		case <-t.C:
		}
		if n.exitedOnItsOwn(i) {
			n.died(i)
		} else if n.running(i) {
			n.pollOnce(i)
		}
	}
}

// exitedOnItsOwn: node i's process ended although nobody crashed it.
func (n *Network) exitedOnItsOwn(i int) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	m := n.members[i]
	return m.live && m.proc != nil && m.proc.exited()
}

// died records a node whose process ended on its own as crashed, and as a
// finding: like a panic, it explains what follows.
func (n *Network) died(i int) {
	n.mu.Lock()
	m := n.members[i]
	m.live, m.paused = false, false
	m.last = impl.DownStatus(i, m.last.Term)
	down := m.last
	n.mu.Unlock()
	n.push.Incident(faults.Incident{Kind: faults.IncidentPanic, Node: i, At: n.Now(),
		Detail: fmt.Sprintf("as a process: it exited on its own (%v); the end of its log %s:\n%s", m.proc.err, m.proc.log, m.proc.logTail())})
	n.push.Status(down)
	n.push.Changed(i, faults.WhyPanicked)
}

func (n *Network) running(i int) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	m := n.members[i]
	return m.live && !m.paused
}

func (n *Network) pollOnce(i int) {
	m := n.members[i]
	st, err := readState(n.ctx, n.client, m.spec.State, i, n.cfg.Answer)
	if n.ctx.Err() != nil {
		return // the network is closing: a poll cut short says nothing
	}
	n.mu.Lock()
	if !m.live || m.paused {
		n.mu.Unlock()
		return // it went down while the answer was on its way
	}
	changed := err == nil && st != m.last
	if changed {
		m.last = st
	}
	firstGarbage := errors.Is(err, errGarbage) && !m.garbled
	m.garbled = m.garbled || firstGarbage
	fellSilent := err != nil && !errors.Is(err, errGarbage) && !m.silent
	m.silent = err != nil && !errors.Is(err, errGarbage)
	n.mu.Unlock()
	switch {
	case changed:
		n.push.Status(st)
	case fellSilent:
		// Its last status stands, as the last thing known: it is not
		// taken for a follower, nor for down.
		n.push.Incident(faults.Incident{Kind: faults.IncidentSilent, Node: i, At: n.Now(),
			Detail: fmt.Sprintf("node %d did not answer GET /state within %v (%v); its status is unknown until it does", i, n.cfg.Answer, err)})
	case firstGarbage:
		n.push.Incident(faults.Incident{Kind: faults.IncidentStuck, Node: i, At: n.Now(),
			Detail: fmt.Sprintf("node %d answered GET /state with something other than the process contract's JSON: %v", i, err)})
	}
}

package procnet

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// boot starts node i's process, if ballot starts it, and waits until it
// serves /state. A node that never does is an error naming it, with the
// end of its log.
func (n *Network) boot(i int) error {
	m := n.members[i]
	if len(m.spec.Command) > 0 {
		argv := Expand(m.spec.Command, m.addrs)
		proc, err := startProcess(argv, m.addrs.Env(), m.spec.Dir)
		if err != nil {
			return fmt.Errorf("procnet: node %d: %w", i, err)
		}
		// The pollers and the proxies' sender lookups read them.
		n.mu.Lock()
		m.argv, m.proc = argv, proc
		n.mu.Unlock()
	}
	st, err := n.awaitState(i)
	if err != nil {
		if m.proc != nil {
			m.proc.kill()
		}
		return err
	}
	n.mu.Lock()
	m.live, m.paused, m.garbled, m.last = true, false, false, st
	n.mu.Unlock()
	n.push.Status(st)
	return nil
}

// awaitState polls node i's /state until it answers with the contract's
// JSON, its process exits, or Config.Start passes.
func (n *Network) awaitState(i int) (impl.Status, error) {
	m := n.members[i]
	deadline := time.Now().Add(n.cfg.Start)
	var last error
	for time.Now().Before(deadline) {
		st, err := readState(n.ctx, n.client, m.spec.State, i, n.cfg.Answer)
		switch {
		case err == nil:
			return st, nil
		case errors.Is(err, errGarbage):
			return st, fmt.Errorf("procnet: node %d answered GET http://%s/state with %v", i, m.spec.State, err)
		case m.proc != nil && m.proc.exited():
			return st, fmt.Errorf("procnet: node %d (%s) exited before it served /state (%v); the end of its log %s:\n%s", i, strings.Join(m.argv, " "), m.proc.err, m.proc.log, m.proc.logTail())
		}
		last = err
		time.Sleep(n.cfg.Poll)
	}
	return impl.Status{}, fmt.Errorf("procnet: node %d did not serve GET http://%s/state within %v (last: %v)%s", i, m.spec.State, n.cfg.Start, last, n.tail(m))
}

func (n *Network) tail(m *member) string {
	if m.proc == nil {
		return ""
	}
	return fmt.Sprintf("; the end of its log %s:\n%s", m.proc.log, m.proc.logTail())
}

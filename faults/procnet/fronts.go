package procnet

import (
	"fmt"
	"syscall"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/proxy"
)

// listenFronts puts one proxy before each node j, for systems that
// advertise one peer address per member: every node dials j there, and j
// advertises it ({advertise}). The proxy tells callers apart by the
// process that owns each connection's socket (see identify).
func (n *Network) listenFronts() error {
	seeds := faults.NetRand(n.cfg.Seed)
	for j, mj := range n.members {
		f, err := proxy.ListenMember("127.0.0.1:0", mj.spec.Listen, seeds.Uint64(), n.identify)
		if err != nil {
			return fmt.Errorf("procnet: the proxy before node %d: %w", j, err)
		}
		f.SetCandidates(n.Pids)
		n.fronts = append(n.fronts, f)
		mj.addrs.Advertise = f.Addr()
		for i, mi := range n.members {
			if i != j {
				mi.addrs.Peers[j] = f.Addr()
			}
		}
	}
	return nil
}

// identify is the node whose process group holds pid: each node leads a
// group of its own, whatever it starts.
func (n *Network) identify(pid int) (int, bool) {
	group, err := syscall.Getpgid(pid)
	if err != nil {
		return 0, false
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	for i, m := range n.members {
		if m.proc != nil && m.proc.pid() == group {
			return i, true
		}
	}
	return 0, false
}

// applyFronts sets, at each node's proxy, the effect on connections from
// every other node. A connection dialled by i to j carries j's answers to
// i too, so the link is cut if either direction is. Called with n.mu held.
func (n *Network) applyFronts() {
	for j, f := range n.fronts {
		for i := range n.members {
			if i == j {
				continue
			}
			e := n.effect(i, j)
			e.Cut = e.Cut || n.effect(j, i).Cut
			f.SetFrom(i, e)
		}
	}
}

// symmetric makes a cut matrix two-way, as per-member proxies cut.
func symmetric(cut [][]bool) [][]bool {
	for i := range cut {
		for j := range cut[i] {
			if cut[j][i] {
				cut[i][j] = true
			}
		}
	}
	return cut
}

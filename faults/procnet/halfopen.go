package procnet

import (
	"github.com/ballot-go/ballot/faults/proxy"
	"github.com/ballot-go/ballot/impl"
)

// HalfOpen kills every live connection to and from node i at the proxies,
// silently (faults.HalfOpener): they deliver nothing more, either way,
// while new connections work. The network stays faulty until
// ClearHalfOpen(key), for the time its nodes need to notice.
func (n *Network) HalfOpen(key string, i int) (int, error) {
	if !n.valid(i) {
		return 0, n.noSuchNode(i)
	}
	n.mu.Lock()
	killed := n.killLive(i)
	n.halfOpen[key] = i
	n.mu.Unlock()
	n.push.Changed(i, "half-open")
	return killed, nil
}

// ClearHalfOpen ends the fault's window. What it killed stays dead.
func (n *Network) ClearHalfOpen(key string) {
	n.mu.Lock()
	delete(n.halfOpen, key)
	n.mu.Unlock()
	n.push.Changed(impl.None, "half-open cleared")
}

// killLive kills the live connections of every link to and from node i and
// counts them. Called with n.mu held.
func (n *Network) killLive(i int) int {
	killed := 0
	if n.cfg.PerMember {
		for j, f := range n.fronts {
			if j != i {
				killed += f.KillLiveFrom(i) // i's connections to j
				continue
			}
			for sender := range n.members { // everyone's connections to i
				if sender != i {
					killed += f.KillLiveFrom(sender)
				}
			}
			killed += f.KillLiveFrom(proxy.UnknownSender)
		}
		return killed
	}
	for j := range n.members {
		if j != i {
			killed += n.proxies[i][j].KillLive() + n.proxies[j][i].KillLive()
		}
	}
	return killed
}

package procnet

import (
	"fmt"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/proxy"
)

// listenLinks puts a proxy on every ordered link i->j, forwarding to j's
// listen address, and gives its address to i as the address of peer j:
// so each proxy knows its sender, and a cut of i->j touches that link only.
func (n *Network) listenLinks() error {
	if n.cfg.PerMember {
		return n.listenFronts()
	}
	size := len(n.members)
	n.proxies = make([][]*proxy.Link, size)
	seeds := faults.NetRand(n.cfg.Seed) // each link's jitter draws from a stream of its own
	for i := range size {
		n.proxies[i] = make([]*proxy.Link, size)
		for j := range size {
			if i == j {
				continue
			}
			l, err := proxy.ListenSeeded("127.0.0.1:0", n.members[j].spec.Listen, seeds.Uint64())
			if err != nil {
				return fmt.Errorf("procnet: the proxy of link %d->%d: %w", i, j, err)
			}
			n.proxies[i][j] = l
			n.members[i].addrs.Peers[j] = l.Addr()
		}
	}
	return nil
}

// applyLinks sets every proxy's effect from the link state: a cut link is
// cut, a delayed one delayed. Called with n.mu held.
func (n *Network) applyLinks() {
	if n.cfg.PerMember {
		n.applyFronts()
		return
	}
	for i, row := range n.proxies {
		for j, l := range row {
			if l != nil {
				l.Set(n.effect(i, j))
			}
		}
	}
}

func (n *Network) effect(i, j int) proxy.Effect {
	var e proxy.Effect
	if n.links.Cut(i, j) {
		e.Cut = true
		return e
	}
	for _, r := range n.links.Rules() {
		if !r.Covers(i, j) {
			continue
		}
		if r.Drop == 1 {
			e.Cut = true
		}
		e.Delay += r.Delay.Base
		e.Jitter += r.Delay.Spread + r.Delay.Jitter
	}
	return e
}

// checkRule refuses what a byte stream cannot do: drop or duplicate some
// messages, or pick them by kind.
func checkRule(r faults.LinkRule) error {
	switch {
	case len(r.Kinds) > 0:
		return fmt.Errorf("%w: a link rule by message kind: the proxies see bytes, not messages", faults.ErrUnsupported)
	case r.Drop != 0 && r.Drop != 1:
		return fmt.Errorf("%w: dropping %v of the messages: the proxies can cut a link (drop 1), not lose some of its messages", faults.ErrUnsupported, r.Drop)
	case r.Duplicate != 0:
		return fmt.Errorf("%w: duplicating messages: the proxies see bytes, not messages", faults.ErrUnsupported)
	}
	return nil
}

func (n *Network) closeLinks() {
	for _, f := range n.fronts {
		f.Close()
	}
	for _, row := range n.proxies {
		for _, l := range row {
			if l != nil {
				l.Close()
			}
		}
	}
}

package hist

import (
	"slices"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/impl"
)

// Builder records a history step by step on its own clock. Messages are
// delivered or dropped according to the network it was last given.
type Builder struct {
	h   checker.History
	now time.Duration
	net *checker.Net
}

// Step is how far Wire advances the clock per message event, so that
// events stay in time order without every caller managing the clock.
const Step = 100 * time.Microsecond

// New starts a history of a cluster of nodes, all live and connected.
func New(nodes int) *Builder {
	b := &Builder{h: checker.History{Nodes: nodes}}
	b.net = healthy(nodes)
	return b
}

// History returns what was recorded.
func (b *Builder) History() checker.History { return b.h }

// Now is the builder's clock.
func (b *Builder) Now() time.Duration { return b.now }

// At sets the clock.
func (b *Builder) At(t time.Duration) *Builder { b.now = t; return b }

// After advances the clock by d.
func (b *Builder) After(d time.Duration) *Builder { b.now += d; return b }

// Event appends e at the current time.
func (b *Builder) Event(e checker.Event) *Builder {
	e.At = b.now
	b.h.Events = append(b.h.Events, e)
	return b
}

// Note records free text, such as what a fixture shows.
func (b *Builder) Note(text string) *Builder {
	return b.Event(checker.Event{Type: checker.Note, Node: impl.None, Detail: text})
}

// Observe records a status of node st.ID.
func (b *Builder) Observe(st impl.Status) *Builder {
	return b.Event(checker.Event{Type: checker.Observe, Node: st.ID, Status: st})
}

// Follower observes node following leader (or None) in term, with its vote.
func (b *Builder) Follower(node int, term uint64, leader, votedFor int) *Builder {
	return b.Observe(impl.Status{ID: node, Term: term, Role: impl.Follower, Leader: leader, VotedFor: votedFor})
}

// Candidate observes node campaigning in term, having voted for itself.
func (b *Builder) Candidate(node int, term uint64) *Builder {
	return b.Observe(impl.Status{ID: node, Term: term, Role: impl.Candidate, Leader: impl.None, VotedFor: node})
}

// Leader observes node leading term, having voted for itself.
func (b *Builder) Leader(node int, term uint64) *Builder {
	return b.Observe(impl.Status{ID: node, Term: term, Role: impl.Leader, Leader: node, VotedFor: node})
}

// Down observes node crashed with its last term and vote.
func (b *Builder) Down(node int, term uint64, votedFor int) *Builder {
	return b.Observe(impl.Status{ID: node, Term: term, Role: impl.Down, Leader: impl.None, VotedFor: votedFor})
}

// Send records m as sent, without its fate.
func (b *Builder) Send(m impl.Message) *Builder {
	return b.Event(checker.Event{Type: checker.Send, Node: m.From, Msg: m})
}

// Deliver records m as handed to its receiver.
func (b *Builder) Deliver(m impl.Message) *Builder {
	return b.Event(checker.Event{Type: checker.Deliver, Node: m.From, Msg: m})
}

// Drop records m as lost.
func (b *Builder) Drop(m impl.Message, why string) *Builder {
	return b.Event(checker.Event{Type: checker.Drop, Node: m.From, Msg: m, Detail: why})
}

// Wire sends m and then delivers or drops it as the network allows,
// advancing the clock by Step after each event. It reports delivery.
func (b *Builder) Wire(m impl.Message) bool {
	b.Send(m).After(Step)
	why := b.blocked(m.From, m.To)
	if why != "" {
		b.Drop(m, why).After(Step)
		return false
	}
	b.Deliver(m).After(Step)
	return true
}

func (b *Builder) blocked(from, to int) string {
	switch {
	case !b.net.IsLive(from) || !b.net.IsLive(to):
		return "node down"
	case b.net.IsCut(from, to):
		return "link cut"
	}
	return ""
}

// Heartbeat wires a heartbeat and, if it arrives, its reply.
func (b *Builder) Heartbeat(from, to int, term uint64) bool {
	if !b.Wire(impl.Message{From: from, To: to, Term: term, Kind: impl.KindHeartbeat}) {
		return false
	}
	b.Wire(impl.Message{From: to, To: from, Term: term, Kind: impl.KindHeartbeatReply})
	return true
}

// RequestVote wires a vote request.
func (b *Builder) RequestVote(from, to int, term uint64) bool {
	return b.Wire(impl.Message{From: from, To: to, Term: term, Kind: impl.KindVoteRequest})
}

// Vote wires a vote reply from voter to candidate.
func (b *Builder) Vote(voter, candidate int, term uint64, granted bool) bool {
	return b.Wire(impl.Message{From: voter, To: candidate, Term: term, Kind: impl.KindVoteReply, Granted: granted})
}

// Leak records a goroutine of node that outlived it.
func (b *Builder) Leak(node int, stack string) *Builder {
	return b.Event(checker.Event{Type: checker.Leak, Node: node, Detail: stack})
}

// Panic records a panic of node; detail is the value and the stack.
func (b *Builder) Panic(node int, detail string) *Builder {
	return b.Event(checker.Event{Type: checker.Panic, Node: node, Detail: detail})
}

// Stuck records node as stuck.
func (b *Builder) Stuck(node int, detail string) *Builder {
	return b.Event(checker.Event{Type: checker.Stuck, Node: node, Detail: detail})
}

// Topology records a new network, a fault that hit node (or impl.None): a
// copy of the current network changed by change, with Faulty set if
// anything is down or cut.
func (b *Builder) Topology(node int, detail string, change func(n *checker.Net)) *Builder {
	n := b.h.Nodes
	next := &checker.Net{Live: slices.Clone(b.net.Live), Cut: make([][]bool, n), Lossy: make([][]bool, n)}
	for i := range n {
		next.Cut[i] = slices.Clone(b.net.Cut[i])
		next.Lossy[i] = make([]bool, n)
		if i < len(b.net.Lossy) {
			copy(next.Lossy[i], b.net.Lossy[i])
		}
	}
	if b.net.Rate != nil {
		next.Rate = slices.Clone(b.net.Rate)
	}
	change(next)
	next.Faulty = !faultFree(next, n)
	b.net = next
	return b.Event(checker.Event{Type: checker.Topology, Node: node, Net: next, Detail: detail})
}

// Isolate cuts node off from every other node, both ways.
func (b *Builder) Isolate(node int) *Builder {
	return b.Topology(node, "isolate node", func(n *checker.Net) {
		for j := range n.Cut {
			if j != node {
				n.Cut[node][j], n.Cut[j][node] = true, true
			}
		}
	})
}

// Partition cuts every link between the given groups; nodes in no group
// form one more group.
func (b *Builder) Partition(groups ...[]int) *Builder {
	side := make([]int, b.h.Nodes)
	for i := range side {
		side[i] = -1
	}
	for g, members := range groups {
		for _, m := range members {
			side[m] = g
		}
	}
	return b.Topology(impl.None, "partition", func(n *checker.Net) {
		for i := range n.Cut {
			for j := range n.Cut[i] {
				n.Cut[i][j] = side[i] != side[j]
			}
		}
	})
}

// Crash takes node down; Restart brings it back.
func (b *Builder) Crash(node int) *Builder {
	return b.Topology(node, "crash node", func(n *checker.Net) { n.Live[node] = false })
}

// PanicCrash records what a network pushes when node panics inside one of
// its calls: the panic, the node observed down (term kept), and a topology
// with the node down, labelled as the network labels it.
func (b *Builder) PanicCrash(node int, term uint64, detail string) *Builder {
	b.Panic(node, detail).Down(node, term, impl.None)
	return b.Topology(node, "panicked", func(n *checker.Net) { n.Live[node] = false })
}

// Restart brings a crashed node back.
func (b *Builder) Restart(node int) *Builder {
	return b.Topology(node, "restart node", func(n *checker.Net) { n.Live[node] = true })
}

// CutOneWay cuts every link from a node in from to a node in to; the
// reverse direction keeps working.
func (b *Builder) CutOneWay(from, to []int) *Builder {
	return b.Topology(impl.None, "one-way cut", func(n *checker.Net) {
		for _, i := range from {
			for _, j := range to {
				n.Cut[i][j] = true
			}
		}
	})
}

// Degrade marks every link among nodes lossy, as a drop rule would.
func (b *Builder) Degrade(nodes ...int) *Builder {
	return b.Topology(impl.None, "drop rule", func(n *checker.Net) {
		for _, i := range nodes {
			for _, j := range nodes {
				n.Lossy[i][j] = i != j
			}
		}
	})
}

// Skew makes node's clock run at rate times normal speed.
func (b *Builder) Skew(node int, rate float64) *Builder {
	return b.Topology(node, "skew", func(n *checker.Net) {
		if n.Rate == nil {
			n.Rate = make([]float64, len(n.Live))
		}
		n.Rate[node] = rate
	})
}

// Heal restores a fully connected, fully live network.
func (b *Builder) Heal() *Builder {
	return b.Topology(impl.None, "heal", func(n *checker.Net) { *n = *healthy(len(n.Live)) })
}

func healthy(nodes int) *checker.Net {
	n := &checker.Net{Live: make([]bool, nodes), Cut: make([][]bool, nodes)}
	for i := range nodes {
		n.Live[i] = true
		n.Cut[i] = make([]bool, nodes)
	}
	return n
}

func faultFree(n *checker.Net, nodes int) bool {
	for i := range nodes {
		if !n.Live[i] || slices.Contains(n.Cut[i], true) || i < len(n.Lossy) && slices.Contains(n.Lossy[i], true) || n.ClockRate(i) != 1 {
			return false
		}
	}
	return true
}

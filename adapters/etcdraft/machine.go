package etcdraft

import (
	"errors"
	"slices"

	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
	"go.etcd.io/raft/v3"
)

// Machine is one member: a raft.RawNode behind impl.Machine.
type Machine struct {
	id     int
	peers  []int
	rn     *raft.RawNode
	disk   *disk
	logger hclog.Logger
}

var _ impl.Machine = (*Machine)(nil)

// New builds a member from the framework's MachineConfig and c, resuming
// from whatever mc.Storage holds. mc.Rand goes unused: the library has no
// way to take it (see Config.Target).
func New(mc impl.MachineConfig, c Config) (*Machine, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if err := checkPeers(mc.ID, mc.Peers); err != nil {
		return nil, err
	}
	if mc.Storage == nil {
		return nil, errNoStorage
	}
	lg := mc.Logger
	if lg == nil {
		lg = hclog.NewNullLogger()
	}
	d, err := openDisk(mc.Storage, mc.Peers)
	if err != nil {
		return nil, err
	}
	rn, err := raft.NewRawNode(c.raftConfig(mc.ID, d.mem, lg))
	if err != nil {
		return nil, err
	}
	return &Machine{id: mc.ID, peers: slices.Clone(mc.Peers), rn: rn, disk: d, logger: lg}, nil
}

// raftConfig is the library's configuration for member id. The size
// limits only have to be valid: an election-only log holds one empty entry
// per term.
func (c Config) raftConfig(id int, st raft.Storage, lg hclog.Logger) *raft.Config {
	return &raft.Config{
		ID:              raftID(id),
		ElectionTick:    c.ElectionTick,
		HeartbeatTick:   c.HeartbeatTick,
		Storage:         st,
		MaxSizePerMsg:   1 << 20,
		MaxInflightMsgs: 256,
		PreVote:         c.PreVote,
		CheckQuorum:     c.CheckQuorum,
		Logger:          logger{lg},
	}
}

var errNoStorage = errors.New("etcdraft: MachineConfig.Storage is nil")

// Tick implements impl.Machine.
func (m *Machine) Tick() { m.rn.Tick() }

// Step implements impl.Machine. What the library refuses (a stale
// response from a peer it no longer tracks, say) is the network's doing,
// not a fault of this member's, and is only logged.
func (m *Machine) Step(msg impl.Message) {
	body, ok := m.inbound(msg)
	if !ok {
		return
	}
	if err := m.rn.Step(body); err != nil && m.logger.IsDebug() {
		m.logger.Debug("message refused", "msg", msg.String(), "type", body.Type.String(), "error", err)
	}
}

// Ready implements impl.Machine. It drains every Ready the library has,
// persisting each before its messages join the outbox: Advance may queue
// more (a candidate's vote for itself, a leader's acknowledgement of its
// own entries), so one call leaves the member with nothing pending. With
// the snapshot bootstrap no entry is a configuration change, so committed
// entries need no applying.
func (m *Machine) Ready() []impl.Message {
	var out []impl.Message
	for m.rn.HasReady() {
		rd := m.rn.Ready()
		if err := m.disk.save(rd); err != nil {
			// Sending now would break persist-before-send; there is no
			// state to go on from.
			panic(err)
		}
		out = slices.Grow(out, len(rd.Messages))
		for _, msg := range rd.Messages {
			out = append(out, envelope(msg))
		}
		m.rn.Advance(rd)
	}
	return out
}

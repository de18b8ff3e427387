package etcdraft

import (
	"fmt"
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/faults/sim"
	"github.com/ballot-go/ballot/impl"
	pb "go.etcd.io/raft/v3/raftpb"
)

// audited is a member whose every outgoing message is checked against
// what its Storage would give a restarted incarnation at that moment
// (Raft Figure 2: persistent state is "updated on stable storage before
// responding to RPCs"; thesis §3.8: log entries too).
type audited struct {
	*Machine
	mc       impl.MachineConfig
	failures *[]string
}

func (a audited) Ready() []impl.Message {
	out := a.Machine.Ready()
	if len(out) == 0 {
		return out
	}
	saved, err := openDisk(a.mc.Storage, a.mc.Peers)
	if err != nil {
		*a.failures = append(*a.failures, err.Error())
		return out
	}
	for _, msg := range out {
		if why := aheadOf(saved, msg); why != "" {
			*a.failures = append(*a.failures, fmt.Sprintf("node %d sent %v: %s", a.mc.ID, msg, why))
		}
	}
	return out
}

// aheadOf says how msg is ahead of the saved state, or "".
func aheadOf(saved *disk, msg impl.Message) string {
	hs, body := saved.st.HardState(), msg.Body.(pb.Message)
	rhs, _, _ := saved.mem.InitialState()
	last, _ := saved.mem.LastIndex()
	switch {
	case rhs.Term != hs.Term || nodeID(rhs.Vote) != hs.VotedFor:
		return fmt.Sprintf("the library's saved HardState %+v is not the framework's %+v", rhs, hs)
	case msg.Kind == impl.KindPreVoteRequest || msg.Kind == impl.KindPreVoteReply:
		return "" // pre-votes promise nothing and change no state
	case msg.Term > hs.Term:
		return fmt.Sprintf("saved term is %d", hs.Term)
	case msg.Kind == impl.KindVoteRequest && hs.VotedFor != msg.From:
		return fmt.Sprintf("saved vote is for %d, not itself", hs.VotedFor)
	case msg.Kind == impl.KindVoteReply && msg.Granted && (hs.Term != msg.Term || hs.VotedFor != msg.To):
		return fmt.Sprintf("saved term %d, vote %d", hs.Term, hs.VotedFor)
	case body.Type == pb.MsgAppResp && !body.Reject && body.Index > last:
		return fmt.Sprintf("acknowledges index %d, saved log ends at %d", body.Index, last)
	case body.Type == pb.MsgApp && len(body.Entries) > 0 && body.Entries[len(body.Entries)-1].Index > last:
		return fmt.Sprintf("replicates up to %d, saved log ends at %d", body.Entries[len(body.Entries)-1].Index, last)
	}
	return ""
}

// TestPersistBeforeSend runs every variant for a minute of every fault the
// simulator has, crashes included, auditing every message sent.
func TestPersistBeforeSend(t *testing.T) {
	for name, cfg := range variants() {
		t.Run(name, func(t *testing.T) {
			var failures []string
			build, err := cfg.Factory()
			if err != nil {
				t.Fatal(err)
			}
			audit := func(mc impl.MachineConfig) (impl.Machine, error) {
				m, err := build(mc)
				if err != nil {
					return nil, err
				}
				return audited{Machine: m.(*Machine), mc: mc, failures: &failures}, nil
			}
			s, err := sim.New(sim.Config{Nodes: 5, Seed: 11, Factory: audit})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			leader(t, s)
			plan, err := faults.RandomSchedule(s.Rand(), 5, cfg.Target(name).Faults(), time.Minute, 2*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			if err := plan.Run(s, s, nil); err != nil {
				t.Fatal(err)
			}
			noPanics(t, s)
			if sent := s.Stats().Sent; sent < 1000 {
				t.Fatalf("only %d messages sent: the audit saw too little", sent)
			}
			for i, f := range failures {
				if i == 10 {
					t.Errorf("... and %d more", len(failures)-i)
					break
				}
				t.Error(f)
			}
		})
	}
}

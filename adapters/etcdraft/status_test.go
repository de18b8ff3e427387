package etcdraft

import (
	"testing"
	"time"

	"github.com/ballot-go/ballot/impl"
	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// TestStatus maps each of the library's states, with ids shifted back and
// raft.None read as impl.None.
func TestStatus(t *testing.T) {
	tests := []struct {
		state      raft.StateType
		lead, vote uint64
		want       impl.Status
	}{
		{raft.StateFollower, 0, 0, impl.Status{ID: 2, Term: 5, Role: impl.Follower, Leader: impl.None, VotedFor: impl.None}},
		{raft.StateFollower, 1, 4, impl.Status{ID: 2, Term: 5, Role: impl.Follower, Leader: 0, VotedFor: 3}},
		{raft.StatePreCandidate, 0, 1, impl.Status{ID: 2, Term: 5, Role: impl.PreCandidate, Leader: impl.None, VotedFor: 0}},
		{raft.StateCandidate, 0, 3, impl.Status{ID: 2, Term: 5, Role: impl.Candidate, Leader: impl.None, VotedFor: 2}},
		{raft.StateLeader, 3, 3, impl.Status{ID: 2, Term: 5, Role: impl.Leader, Leader: 2, VotedFor: 2}},
	}
	for _, tt := range tests {
		st := raft.BasicStatus{
			ID:        3,
			HardState: pb.HardState{Term: 5, Vote: tt.vote},
			SoftState: raft.SoftState{Lead: tt.lead, RaftState: tt.state},
		}
		if got := status(2, st); got != tt.want {
			t.Errorf("%v lead %d vote %d: status = %v, want %v", tt.state, tt.lead, tt.vote, got, tt.want)
		}
	}
}

// TestStatusOfMembers checks the mapping on live members: a fresh member
// is a follower of term 0 with no leader and no vote, and once elected
// every member names the same leader, which calls itself the leader.
func TestStatusOfMembers(t *testing.T) {
	for name, cfg := range variants() {
		t.Run(name, func(t *testing.T) {
			ms := &members{latest: map[int]*Machine{}, built: map[int]int{}}
			build := ms.factory(t, cfg)
			m, err := build(impl.MachineConfig{ID: 1, Peers: []int{0, 1, 2}, Storage: impl.NewMemStorage()})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := m.Status(), (impl.Status{ID: 1, Role: impl.Follower, Leader: impl.None, VotedFor: impl.None}); got != want {
				t.Errorf("fresh member: %v, want %v", got, want)
			}

			s, _ := simulate(t, 3, cfg, 3)
			lead := leader(t, s)
			s.RunFor(500 * time.Millisecond)
			for n := range 3 {
				st := s.Status(n)
				if st.Leader != lead || st.Term == 0 || (n == lead) != (st.Role == impl.Leader) {
					t.Errorf("node %d: %v, want a member of a cluster led by %d", n, st, lead)
				}
			}
		})
	}
}

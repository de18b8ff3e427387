package hashiraft

import (
	"testing"

	"github.com/hashicorp/raft"
)

// scripted answers CurrentTerm and State from a script of reads, in the
// order State makes them, as a raft.Raft whose term moves meanwhile would.
type scripted struct {
	terms []uint64
	roles []raft.RaftState
}

func (s *scripted) CurrentTerm() uint64 {
	t := s.terms[0]
	if len(s.terms) > 1 {
		s.terms = s.terms[1:]
	}
	return t
}

func (s *scripted) State() raft.RaftState {
	r := s.roles[0]
	if len(s.roles) > 1 {
		s.roles = s.roles[1:]
	}
	return r
}

func TestStateIsConsistent(t *testing.T) {
	cases := []struct {
		name       string
		terms      []uint64
		roles      []raft.RaftState
		wantTerm   uint64
		wantLeader bool
	}{
		{"a leader whose term holds still", []uint64{4, 4}, []raft.RaftState{raft.Leader}, 4, true},
		{"a follower", []uint64{4, 4}, []raft.RaftState{raft.Follower}, 4, false},
		// A candidate wins term 5 between the first read of the term and the
		// read of the role: (4, leader) would be a second leader of term 4.
		{"a leadership won between the reads", []uint64{4, 5, 5}, []raft.RaftState{raft.Leader, raft.Leader}, 5, true},
		{"a leadership lost between the reads", []uint64{4, 5, 5}, []raft.RaftState{raft.Leader, raft.Follower}, 5, false},
		// A term that never holds still for two reads: claim nothing.
		{"a term that keeps moving", []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, []raft.RaftState{raft.Leader}, 9, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			term, leader := consistentState(&scripted{terms: tc.terms, roles: tc.roles})
			if term != tc.wantTerm || leader != tc.wantLeader {
				t.Errorf("State() = (%d, %t), want (%d, %t)", term, leader, tc.wantTerm, tc.wantLeader)
			}
		})
	}
}

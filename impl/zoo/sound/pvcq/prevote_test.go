package pvcq_test

import (
	"testing"

	"github.com/ballot-go/ballot/impl"
)

func TestPreVote(t *testing.T) {
	tests := []struct {
		name string
		// setup brings node 0 into the state under test, then ask delivers
		// a pre-vote request for term 3 from node 2.
		setup       func(f *fixture)
		wantGranted bool
		wantTerm    uint64 // of the reply
	}{
		{
			name:        "§9.6: a follower that heard a leader within the election timeout refuses",
			setup:       func(f *fixture) { f.follow(2); f.tick(electionMin - 1) },
			wantGranted: false, wantTerm: 2,
		},
		{
			name:        "§9.6: a follower whose leader went quiet for the election timeout grants",
			setup:       func(f *fixture) { f.follow(2); f.tick(electionMin) },
			wantGranted: true, wantTerm: 3,
		},
		{
			name:        "§9.6: a node that knows no leader grants a pre-vote for a later term",
			setup:       func(f *fixture) { f.deliver(1, impl.KindVoteRequest, 2, false) },
			wantGranted: true, wantTerm: 3,
		},
		{
			name:        "§9.6: a pre-vote for a term that is not later than the voter's is refused",
			setup:       func(f *fixture) { f.deliver(1, impl.KindVoteRequest, 3, false) },
			wantGranted: false, wantTerm: 3,
		},
		{
			name:        "§9.6 with §6.2: a leader refuses, whatever the term proposed",
			setup:       func(f *fixture) { f.lead() },
			wantGranted: false, wantTerm: 1,
		},
		{
			name:        "§6.2 then §9.6: a leader that stepped down for want of a quorum grants",
			setup:       func(f *fixture) { f.lead(); f.tick(electionMin) },
			wantGranted: true, wantTerm: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			tt.setup(f)
			f.m.Ready()
			before, saved := f.m.Status(), f.storage.HardState()
			reply := only(t, f.deliver(2, impl.KindPreVoteRequest, 3, false))
			if reply.Kind != impl.KindPreVoteReply || reply.To != 2 || reply.Granted != tt.wantGranted || reply.Term != tt.wantTerm {
				t.Errorf("reply %v, want a pre-vote reply to 2 in term %d with granted=%t", reply, tt.wantTerm, tt.wantGranted)
			}
			if after := f.m.Status(); after != before || f.storage.HardState() != saved {
				t.Errorf("a pre-vote changed the voter: %v -> %v, storage %v -> %v", before, after, saved, f.storage.HardState())
			}
		})
	}
}

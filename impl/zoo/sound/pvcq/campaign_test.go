package pvcq_test

import (
	"maps"
	"testing"

	"github.com/ballot-go/ballot/impl"
)

func TestCampaign(t *testing.T) {
	tests := []struct {
		name  string
		steps func(f *fixture) []impl.Message
		want  impl.Status
		sent  map[impl.Kind]int // kinds queued by the last step
	}{
		{
			name:  "§9.6: a timed-out follower asks for pre-votes for the next term without changing its own",
			steps: func(f *fixture) []impl.Message { f.tick(electionMax); return f.m.Ready() },
			want:  impl.Status{ID: 0, Term: 0, Role: impl.PreCandidate, Leader: impl.None, VotedFor: impl.None},
			sent:  map[impl.Kind]int{impl.KindPreVoteRequest: 2},
		},
		{
			name: "§9.6: a refused pre-vote leaves the pre-candidate in its term",
			steps: func(f *fixture) []impl.Message {
				f.tick(electionMax)
				f.m.Ready()
				return f.deliver(1, impl.KindPreVoteReply, 5, false)
			},
			want: impl.Status{ID: 0, Term: 0, Role: impl.PreCandidate, Leader: impl.None, VotedFor: impl.None},
			sent: map[impl.Kind]int{},
		},
		{
			name: "§9.6 then §5.2: a majority of pre-votes starts a real election in the next term",
			steps: func(f *fixture) []impl.Message {
				f.tick(electionMax)
				f.m.Ready()
				return f.deliver(1, impl.KindPreVoteReply, 1, true)
			},
			want: impl.Status{ID: 0, Term: 1, Role: impl.Candidate, Leader: impl.None, VotedFor: 0},
			sent: map[impl.Kind]int{impl.KindVoteRequest: 2},
		},
		{
			name: "§5.2: a majority of votes makes a leader, which asserts itself at once",
			steps: func(f *fixture) []impl.Message {
				f.tick(electionMax)
				f.m.Ready()
				f.deliver(1, impl.KindPreVoteReply, 1, true)
				return f.deliver(2, impl.KindVoteReply, 1, true)
			},
			want: impl.Status{ID: 0, Term: 1, Role: impl.Leader, Leader: 0, VotedFor: 0},
			sent: map[impl.Kind]int{impl.KindHeartbeat: 2},
		},
		{
			name: "§5.2: a candidate that hears the leader of its term follows it",
			steps: func(f *fixture) []impl.Message {
				f.tick(electionMax)
				f.deliver(1, impl.KindPreVoteReply, 1, true)
				f.m.Ready()
				return f.deliver(2, impl.KindHeartbeat, 1, false)
			},
			want: impl.Status{ID: 0, Term: 1, Role: impl.Follower, Leader: 2, VotedFor: 0},
			sent: map[impl.Kind]int{impl.KindHeartbeatReply: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			out := tt.steps(f)
			if got := f.m.Status(); got != tt.want {
				t.Errorf("status %v, want %v", got, tt.want)
			}
			if got := kinds(out); !maps.Equal(got, tt.sent) {
				t.Errorf("sent %v, want kinds %v", out, tt.sent)
			}
			if hs := f.storage.HardState(); hs.Term != tt.want.Term || hs.VotedFor != tt.want.VotedFor {
				t.Errorf("storage holds %+v, want term %d and vote %d", hs, tt.want.Term, tt.want.VotedFor)
			}
		})
	}
}

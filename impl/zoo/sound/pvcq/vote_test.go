package pvcq_test

import (
	"testing"

	"github.com/ballot-go/ballot/impl"
)

func TestVotes(t *testing.T) {
	tests := []struct {
		name    string
		steps   func(f *fixture) []impl.Message
		granted bool
		term    uint64
	}{
		{
			name: "Figure 2: a vote survives a restart, so a second candidate of the term is refused",
			steps: func(f *fixture) []impl.Message {
				f.deliver(1, impl.KindVoteRequest, 4, false)
				f.restart()
				return f.deliver(2, impl.KindVoteRequest, 4, false)
			},
			granted: false, term: 4,
		},
		{
			name: "Figure 2: the same candidate asking again gets the same answer",
			steps: func(f *fixture) []impl.Message {
				f.deliver(1, impl.KindVoteRequest, 4, false)
				return f.deliver(1, impl.KindVoteRequest, 4, false)
			},
			granted: true, term: 4,
		},
		{
			name:    "§5.1: a candidate of an older term is refused and told the current one",
			steps:   func(f *fixture) []impl.Message { f.follow(6); return f.deliver(2, impl.KindVoteRequest, 5, false) },
			granted: false, term: 6,
		},
		{
			name:    "§5.2: votes are not held back by a leader heard recently (no §4.2.3 stickiness)",
			steps:   func(f *fixture) []impl.Message { f.follow(6); return f.deliver(2, impl.KindVoteRequest, 7, false) },
			granted: true, term: 7,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			reply := only(t, tt.steps(f))
			if reply.Kind != impl.KindVoteReply || reply.Granted != tt.granted || reply.Term != tt.term {
				t.Errorf("reply %v, want a vote reply in term %d with granted=%t", reply, tt.term, tt.granted)
			}
			if hs := f.storage.HardState(); tt.granted && (hs.Term != reply.Term || hs.VotedFor != reply.To) {
				t.Errorf("granted a vote that storage does not hold: %+v", hs)
			}
		})
	}
}

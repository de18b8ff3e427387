package pvcq_test

import (
	"slices"
	"testing"

	"github.com/ballot-go/ballot/impl"
)

func TestCheckQuorum(t *testing.T) {
	tests := []struct {
		name string
		// answered lists the peers that reply to each heartbeat round.
		answered []int
		ticks    int
		want     impl.Role
	}{
		{"§6.2: a leader that heard no majority within the election timeout steps down", nil, electionMin, impl.Follower},
		{"§6.2: a leader keeps leading until the window closes", nil, electionMin - 1, impl.Leader},
		{"§6.2: one follower besides the leader is a majority of three", []int{2}, 5 * electionMin, impl.Leader},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.lead()
			for range tt.ticks {
				f.tick(1)
				for _, m := range f.m.Ready() {
					if m.Kind == impl.KindHeartbeat && slices.Contains(tt.answered, m.To) {
						f.deliver(m.To, impl.KindHeartbeatReply, m.Term, false)
					}
				}
			}
			st := f.m.Status()
			if st.Role != tt.want || st.Term != 1 || st.VotedFor != 0 {
				t.Errorf("after %d ticks: %v, want %v in term 1 still voting for itself", tt.ticks, st, tt.want)
			}
		})
	}
}

func TestHeartbeatInterval(t *testing.T) {
	f := newFixture(t)
	f.lead()
	f.m.Ready()
	f.tick(heartbeatEvery - 1)
	if out := f.m.Ready(); len(out) != 0 {
		t.Fatalf("sent %v before the heartbeat interval", out)
	}
	f.tick(1)
	if got := kinds(f.m.Ready()); got[impl.KindHeartbeat] != 2 {
		t.Fatalf("sent %v after %d ticks, want a heartbeat to each follower", got, heartbeatEvery)
	}
}

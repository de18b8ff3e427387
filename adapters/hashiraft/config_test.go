package hashiraft

import (
	"testing"
	"time"
)

// The budget counts, in a window of one second open at its start, the
// heartbeat loop's calls (at least HeartbeatTimeout/10 apart) and the
// replication loop's (at least CommitTimeout apart).
func TestHeartbeatBudget(t *testing.T) {
	cases := []struct {
		heartbeat, commit time.Duration
		want              int
	}{
		{time.Second, time.Second, 11},                    // 10 + 1
		{time.Second, 50 * time.Millisecond, 30},          // the library's CommitTimeout: 10 + 20
		{1500 * time.Millisecond, 2 * time.Second, 7 + 1}, // 150 ms apart: 7 in a second
		{999 * time.Millisecond, time.Second, 12},         // 99.9 ms apart: 11 fit
	}
	for _, tc := range cases {
		c := DefaultConfig()
		c.HeartbeatTimeout, c.CommitTimeout = tc.heartbeat, tc.commit
		if got := c.HeartbeatBudget(); got != tc.want {
			t.Errorf("HeartbeatTimeout %v, CommitTimeout %v: budget %d, want %d", tc.heartbeat, tc.commit, got, tc.want)
		}
	}
}

func TestValidate(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatalf("DefaultConfig: %v", err)
	}
	bad := map[string]func(*Config){
		"no RPC timeout":              func(c *Config) { c.RPCTimeout = 0 },
		"no commit timeout":           func(c *Config) { c.CommitTimeout = 0 },
		"a lease above the heartbeat": func(c *Config) { c.LeaderLeaseTimeout = 2 * c.HeartbeatTimeout },
		"an election below the heartbeat": func(c *Config) {
			c.ElectionTimeout = c.HeartbeatTimeout / 2
		},
	}
	for name, spoil := range bad {
		c := DefaultConfig()
		spoil(&c)
		if _, err := c.Factory(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

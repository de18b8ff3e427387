package specs

import (
	"strings"
	"testing"
	"time"
)

func TestRunLimit(t *testing.T) {
	t.Setenv(RunLimitEnv, "90s")
	if d, err := runLimit(); err != nil || d != 90*time.Second {
		t.Errorf("runLimit() = %v, %v; want 90s", d, err)
	}
	for _, bad := range []string{"ninety", "0s", "-5s"} {
		t.Setenv(RunLimitEnv, bad)
		if _, err := runLimit(); err == nil || !strings.Contains(err.Error(), "give a positive Go duration") {
			t.Errorf("%s=%q: error %v; want one that says what to give", RunLimitEnv, bad, err)
		}
	}
}

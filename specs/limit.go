package specs

import (
	"fmt"
	"os"
	"time"
)

// RunLimitEnv names the environment variable that bounds one spec's run in
// wall time (a Go duration such as "30s"; default 2 minutes). Virtual time
// passes only when every goroutine waits, so a node that spins holds it up:
// the limit turns that into a failure with the goroutines' stacks.
const RunLimitEnv = "BALLOT_RUN_LIMIT"

// runLimit is the wall-time bound of one spec's run: RunLimitEnv, or 0 for
// the harness's default.
func runLimit() (time.Duration, error) {
	s, ok := os.LookupEnv(RunLimitEnv)
	if !ok {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%s=%q is not a wall-time limit: give a positive Go duration such as 30s or 5m", RunLimitEnv, s)
	}
	return d, nil
}

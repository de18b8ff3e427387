package specs

import (
	"flag"

	"github.com/ballot-go/ballot/checker/report"
)

// RunsFlag names the test-binary flag that sets where failing specs are
// saved, over BALLOT_RUNS:
//
//	go test ./mine -ballot.runs=/tmp/ballot-runs
//	go tool ginkgo ./mine -- -ballot.runs=/tmp/ballot-runs
const RunsFlag = "ballot.runs"

var runsDir = flag.String(RunsFlag, "", "directory that holds the run directories of failing specs (default: $"+
	report.RunsEnv+", else ballot/runs in the user cache directory)")

// runsRoot is where the suite's run directory goes: the flag, else
// report.RunsRoot.
func runsRoot() (string, error) {
	if *runsDir != "" {
		return *runsDir, nil
	}
	return report.RunsRoot()
}

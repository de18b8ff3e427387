package cli_test

import (
	"os"
	"testing"

	"github.com/ballot-go/ballot/cmd/chaos/cli"
	"github.com/ballot-go/ballot/internal/leakcheck"
)

// asChaos makes the test binary the chaos command itself, so that a
// cluster file can start `chaos node` processes without another build.
const asChaos = "CHAOS_TEST_AS_CHAOS"

// The CLI's tests leave no goroutine running: not a sweep's workers, not an
// interrupted run's cluster.
func TestMain(m *testing.M) {
	if os.Getenv(asChaos) == "1" {
		os.Exit(cli.Main())
	}
	leakcheck.Main(m)
}

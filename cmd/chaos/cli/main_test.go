package cli_test

import (
	"fmt"
	"net/http"
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
	switch os.Getenv(asChaos) {
	case "1":
		os.Exit(cli.Main())
	case "garbage":
		os.Exit(serveGarbage())
	}
	leakcheck.Main(m)
}

// serveGarbage is a node whose /state is not the process contract's.
func serveGarbage() int {
	http.HandleFunc("/state", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "<html>leader</html>") })
	fmt.Fprintln(os.Stderr, http.ListenAndServe(os.Getenv("BALLOT_STATE"), nil))
	return 1
}

package cli_test

import (
	"testing"

	"github.com/ballot-go/ballot/internal/leakcheck"
)

// The CLI's tests leave no goroutine running: not a sweep's workers, not an
// interrupted run's cluster.
func TestMain(m *testing.M) { leakcheck.Main(m) }
